// The kafkajs patch applied at install (patches/kafkajs+2.2.4.patch): an empty request queue with no throttle sets no
// timer (unpatched, it sets one on a negative delay that checks again every millisecond, forever); a request waiting
// on a throttle is still checked when the throttle ends.
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  destroy(): void;
};

const queue = () =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30000,
    enforceRequestTimeout: false,
    clientId: 'patch-check',
    broker: 'nowhere:9092',
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });

describe('kafkajs request queue (patched)', () => {
  it('sets no timer when nothing is pending and nothing throttles', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
    q.destroy();
  });

  it('still checks again when a throttle is in force', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 60000;
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
  });
});

// The patch's second part: a record's headers are written in the record's own encoder. Unpatched, each header had an
// encoder of its own (a zeroed 512-byte buffer: five per event of ours, half a million per 100,000-row import).
interface Encoder {
  buffer: Buffer;
  writeVarIntArray(value: Encoder[]): Encoder;
}
const EncoderClass = require('kafkajs/src/protocol/encoder') as {
  new (): Encoder;
  sizeOfVarInt(value: number): number;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (record: object) => Encoder;
const Header = require('kafkajs/src/protocol/recordBatch/header/v0') as (header: object) => Encoder;

describe('kafkajs record encoder (patched)', () => {
  const headers = { 'content-type': 'application/json', 'event-id': '0193-é', 'causation-id': ['a', 'b'] };
  const record = { offsetDelta: 3, timestampDelta: 12, key: 'key-1', value: '{"x":"é"}', headers };

  it('writes the bytes the unpatched encoder wrote', () => {
    const list = [
      { key: 'content-type', value: 'application/json' },
      { key: 'event-id', value: '0193-é' },
      { key: 'causation-id', value: 'a' },
      { key: 'causation-id', value: 'b' },
    ];
    const encoded = Record(record).buffer;
    // kafkajs 2.2.4's own code for the record's end: the header count, then each header's encoder
    const unpatchedTail = new EncoderClass().writeVarIntArray(list.map(Header)).buffer;
    const head = Record({ ...record, headers: {} }).buffer;
    // without headers the record ends with a count of zero (one byte) and its size varint at the start is smaller
    const sizeBytes = (b: Buffer) => EncoderClass.sizeOfVarInt(b.length - 1);
    const headBody = head.subarray(sizeBytes(head), head.length - 1);
    expect(encoded.subarray(encoded.length - unpatchedTail.length)).toEqual(unpatchedTail);
    expect(encoded.subarray(encoded.length - unpatchedTail.length - headBody.length, -unpatchedTail.length)).toEqual(
      headBody,
    );
    expect(encoded.length).toBe(
      EncoderClass.sizeOfVarInt(headBody.length + unpatchedTail.length) + headBody.length + unpatchedTail.length,
    );
  });

  it('builds no encoder per header', () => {
    const alloc = jest.spyOn(Buffer, 'alloc');
    try {
      Record(record);
      const withHeaders = alloc.mock.calls.length;
      alloc.mockClear();
      Record({ ...record, headers: {} });
      expect(withHeaders).toBe(alloc.mock.calls.length);
    } finally {
      alloc.mockRestore();
    }
  });
});

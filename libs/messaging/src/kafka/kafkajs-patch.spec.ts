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

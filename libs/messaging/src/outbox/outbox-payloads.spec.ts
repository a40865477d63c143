import { decodePayloads, encodePayloads } from './outbox-payloads';

describe('outbox payloads', () => {
  const envelopes = [
    { id: 'a', data: { note: 'une ligne\nune autre', quote: '"', tab: '\t', accent: 'Amélie', emoji: '🎓' } },
    { id: 'b', data: { empty: '' } },
    { id: 'c', data: { backslash: '\\n is not a line break' } },
  ].map((e) => JSON.stringify(e));

  const text = (payloads: Buffer[]) => payloads.map((p) => p.toString('utf8'));

  it('gives back each payload, in order, whatever its values hold', () => {
    expect(text(decodePayloads(encodePayloads(envelopes)))).toEqual(envelopes);
    expect(text(decodePayloads(encodePayloads([envelopes[1]])))).toEqual([envelopes[1]]);
  });

  it('compresses a batch: 500 events of an import take a fraction of their JSON', () => {
    const batch = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ id: `event-${i}`, type: 'EnrolmentConfirmed', data: { mail: `personne.${i}@ac-exemple.fr` } }),
    );
    const stored = encodePayloads(batch);
    expect(stored.length).toBeLessThan(Buffer.byteLength(batch.join('\n')) / 4);
    expect(text(decodePayloads(stored))).toEqual(batch);
  });

  it('reads a row the migration moved: one payload, uncompressed', () => {
    expect(text(decodePayloads(Buffer.from(envelopes[0])))).toEqual([envelopes[0]]);
  });
});

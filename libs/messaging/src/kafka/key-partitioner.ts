import { ICustomPartitioner, Partitioners } from 'kafkajs';

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/**
 * Kafka's murmur2 (the Java client's `Utils.murmur2`) over `length` bytes, in 32-bit arithmetic. kafkajs computes the
 * same hash with a 64-bit Long object per step: several objects per 4 bytes of key, millions for a bulk relay.
 */
export function murmur2(data: Uint8Array, length = data.length): number {
  let h = SEED ^ length;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i += 1) {
    const i4 = i * 4;
    let k = data[i4] | (data[i4 + 1] << 8) | (data[i4 + 2] << 16) | (data[i4 + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  // the last 1 to 3 bytes (the Java code falls through a switch)
  const tail = length & ~3;
  const rest = length % 4;
  if (rest === 3) h ^= data[tail + 2] << 16;
  if (rest >= 2) h ^= data[tail + 1] << 8;
  if (rest >= 1) {
    h ^= data[tail];
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * kafkajs's DefaultPartitioner (the Java client's: murmur2 of the key, positive, modulo the partition count), with
 * the hash above and the key encoded into a reused buffer. A message's explicit partition wins; a message without a
 * key goes to kafkajs's own partitioner (round robin). Same partition for every key, checked against kafkajs.
 */
export const KeyHashPartitioner: ICustomPartitioner = () => {
  const keyless = Partitioners.DefaultPartitioner();
  let scratch = Buffer.allocUnsafe(256);
  return (args) => {
    const { message, partitionMetadata } = args;
    if (message.partition !== null && message.partition !== undefined) return message.partition;
    const key = message.key;
    if (key === null || key === undefined) return keyless(args);
    let hash: number;
    if (Buffer.isBuffer(key)) {
      hash = murmur2(key);
    } else {
      const text = String(key);
      const bytes = Buffer.byteLength(text);
      if (bytes > scratch.length) scratch = Buffer.allocUnsafe(bytes * 2);
      scratch.write(text, 0, 'utf8');
      hash = murmur2(scratch, bytes);
    }
    return (hash & 0x7fffffff) % partitionMetadata.length;
  };
};

import { PartitionMetadata, Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { KeyHashPartitioner, murmur2 } from './key-partitioner';

// kafkajs's own murmur2 (the Java client's algorithm), as its DefaultPartitioner uses it
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

const metadata = (n: number): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
    offlineReplicas: [],
  }));

function keys(): (string | Buffer)[] {
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const list: (string | Buffer)[] = [
    '',
    'a',
    'ab',
    'abc',
    'abcd',
    'abcde',
    '21',
    'forma',
    'é',
    'académie-guyane-9730298L',
    '日本語のキー',
    'x'.repeat(300),
  ];
  for (let i = 0; i < 3000; i += 1) list.push(randomUUID());
  for (let i = 0; i < 1000; i += 1) {
    const length = Math.floor(random() * 40);
    list.push(Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x2fff))).join(''));
    list.push(Buffer.from(Array.from({ length }, () => Math.floor(random() * 256))));
  }
  return list;
}

describe('KeyHashPartitioner', () => {
  it('hashes every key as kafkajs (and the Java client) do', () => {
    for (const key of keys()) {
      const bytes = Buffer.isBuffer(key) ? key : Buffer.from(key);
      expect([key, murmur2(bytes)]).toEqual([key, kafkajsMurmur2(key)]);
    }
  });

  it.each([1, 3, 6, 12])('chooses the same partition as kafkajs’s DefaultPartitioner among %i', (n) => {
    const ours = KeyHashPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    const partitionMetadata = metadata(n);
    const spread = new Set<number>();
    for (const key of keys()) {
      const args = { topic: 't', partitionMetadata, message: { key, value: 'v' } };
      const partition = ours(args);
      expect([key, partition]).toEqual([key, theirs(args)]);
      spread.add(partition);
    }
    expect(spread.size).toBe(n);
  });

  it('keeps an explicit partition, and spreads keyless messages', () => {
    const ours = KeyHashPartitioner();
    expect(ours({ topic: 't', partitionMetadata: metadata(3), message: { key: 'k', value: 'v', partition: 2 } })).toBe(
      2,
    );
    const chosen = new Set(
      Array.from({ length: 30 }, () => ours({ topic: 't', partitionMetadata: metadata(3), message: { value: 'v' } })),
    );
    expect(chosen.size).toBe(3);
  });
});

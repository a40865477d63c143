import { deadLetterTopic } from '@forma/contracts';
import { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  reason: string;
  error: string;
  attempts: number;
}

/** Sends a message that cannot be processed to `<topic>.dlq`, unchanged, with why and where it failed in headers. */
export async function sendToDeadLetterTopic(producer: Producer, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...(letter.message.headers ?? {}),
    'dlq-reason': letter.reason,
    'dlq-error': letter.error.slice(0, 4000),
    'dlq-original-topic': letter.topic,
    'dlq-original-partition': String(letter.partition),
    'dlq-original-offset': letter.message.offset,
    'dlq-consumer-group': letter.consumerGroup,
    'dlq-attempts': String(letter.attempts),
    'dlq-failed-at': new Date().toISOString(),
  };
  await producer.send({
    topic: deadLetterTopic(letter.topic),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}

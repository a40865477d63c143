/** Every Kafka topic of the platform: `<context>.<aggregate>.v<N>`. Dead letters go to `<topic>.dlq`. */
export enum Topic {
  CatalogModule = 'catalog.module.v1',
  CatalogSession = 'catalog.session.v1',
  CatalogRequest = 'catalog.request.v1',
}

export const DEAD_LETTER_SUFFIX = '.dlq';

export function deadLetterTopic(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

// The AsyncAPI document of the platform's events, generated from libs/contracts (the one place events are defined):
// channels are the topics, messages the (type, version) definitions, payload schemas come from the payload classes'
// class-validator rules (class-validator-jsonschema). `npm run docs:generate` writes docs/asyncapi.yaml; a test
// checks that the committed document is current and valid.
import {
  ATTENDANCE_EVENTS,
  CATALOG_EVENTS,
  deadLetterTopic,
  ENROLMENT_EVENTS,
  EVENT_DEFINITIONS,
  EventDefinition,
} from '@forma/contracts';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { stringify } from 'yaml';

type Schema = Record<string, unknown>;

const PUBLISHERS: Record<string, readonly EventDefinition[]> = {
  catalog: CATALOG_EVENTS,
  enrolment: ENROLMENT_EVENTS,
  attendance: ATTENDANCE_EVENTS,
};

const SCHEMAS = '#/components/schemas/';

const HEADERS: Schema = {
  type: 'object',
  description: 'Kafka headers: enough to route, trace and filter without parsing the value.',
  properties: {
    'content-type': { type: 'string', const: 'application/json' },
    'event-id': { type: 'string', format: 'uuid' },
    'event-type': { type: 'string' },
    'event-version': { type: 'string', pattern: '^[1-9][0-9]*$' },
    'correlation-id': { type: 'string' },
    'causation-id': { type: 'string' },
  },
  required: ['content-type', 'event-id', 'event-type', 'event-version', 'correlation-id'],
};

const channelId = (topic: string) => topic.replace(/\./g, '-');
const messageId = (d: EventDefinition) => `${d.type}V${d.version}`;

/** class-validator's `@IsOptional()` lets null through as well as a missing field: the schema says so. */
function allowNullWhenOptional(schema: Schema): Schema {
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties) return schema;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rewritten = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      required.has(name) ? property : { anyOf: [property, { type: 'null' }] },
    ]),
  );
  return { ...schema, properties: rewritten };
}

function payloadSchemas(): Record<string, Schema> {
  const schemas = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: SCHEMAS,
    additionalConverters: {
      isUai: { type: 'string', pattern: '^[0-9]{7}[A-Z]$', description: 'UAI: 7 digits and a check letter' },
    },
  }) as Record<string, Schema>;
  // the metadata storage is global: keep the classes the envelope and the payloads reach, whatever else is loaded
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name) || !schemas[name]) return;
    reachable.add(name);
    for (const [, ref] of JSON.stringify(schemas[name]).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      visit(ref);
  };
  ['EventEnvelope', ...EVENT_DEFINITIONS.map((d) => d.payload.name)].forEach(visit);
  return Object.fromEntries([...reachable].sort().map((name) => [name, allowNullWhenOptional(schemas[name])]));
}

function message(definition: EventDefinition): Schema {
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: { $ref: `${SCHEMAS}EventHeaders` },
    payload: {
      allOf: [
        { $ref: `${SCHEMAS}EventEnvelope` },
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            version: { const: definition.version },
            data: { $ref: `${SCHEMAS}${definition.payload.name}` },
          },
        },
      ],
    },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'the aggregate id: one aggregate’s events stay in order' },
        bindingVersion: '0.5.0',
      },
    },
  };
}

export function asyncApiDocument(): Schema {
  const topics = [...new Set(EVENT_DEFINITIONS.map((d) => d.topic))].sort();
  const channels = Object.fromEntries(
    topics.map((topic) => [
      channelId(topic),
      {
        address: topic,
        description: `Dead letters of this topic go to ${deadLetterTopic(topic)} (headers dlq-reason, dlq-error, original topic, partition and offset).`,
        messages: Object.fromEntries(
          EVENT_DEFINITIONS.filter((d) => d.topic === topic).map((d) => [
            messageId(d),
            { $ref: `#/components/messages/${messageId(d)}` },
          ]),
        ),
      },
    ]),
  );
  const operations: Record<string, Schema> = {};
  for (const [service, definitions] of Object.entries(PUBLISHERS)) {
    for (const topic of [...new Set(definitions.map((d) => d.topic))].sort()) {
      operations[`${service}-sends-${channelId(topic)}`] = {
        action: 'send',
        summary: `${service} publishes through its transactional outbox`,
        channel: { $ref: `#/channels/${channelId(topic)}` },
        messages: definitions
          .filter((d) => d.topic === topic)
          .map((d) => ({ $ref: `#/channels/${channelId(topic)}/messages/${messageId(d)}` })),
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Forma events',
      version: '1.0.0',
      description:
        'Facts the Forma services publish on Kafka (generated from libs/contracts by `npm run docs:generate`; do not edit). ' +
        'Each message is a JSON envelope whose `data` follows the payload class of its (type, version). Consumers are ' +
        'idempotent by envelope id and accept the versions they know; what they cannot validate goes to `<topic>.dlq`.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The development broker (tools/kafka/kafka.sh).',
      },
    },
    channels,
    operations,
    components: {
      messages: Object.fromEntries(EVENT_DEFINITIONS.map((d) => [messageId(d), message(d)])),
      schemas: { EventHeaders: HEADERS, ...payloadSchemas() },
    },
  };
}

export function asyncApiYaml(): string {
  return `# Generated from libs/contracts by \`npm run docs:generate\`: do not edit by hand.\n${stringify(asyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

import { Parser } from '@asyncapi/parser';
import { EVENT_DEFINITIONS } from '@forma/contracts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { asyncApiYaml } from './asyncapi';

const committed = readFileSync(resolve(__dirname, '../../docs/asyncapi.yaml'), 'utf8');

describe('docs/asyncapi.yaml', () => {
  it('is what libs/contracts generates (run npm run docs:generate after changing an event)', () => {
    expect(committed).toEqual(asyncApiYaml());
  });

  it('is a valid AsyncAPI 3 document (the AsyncAPI parser reports no error)', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
  });

  it('documents every event of the contracts with a payload schema for its data', () => {
    const doc = parse(committed) as {
      components: { messages: Record<string, { name: string }>; schemas: Record<string, { properties?: object }> };
    };
    for (const definition of EVENT_DEFINITIONS) {
      expect(doc.components.messages[`${definition.type}V${definition.version}`]?.name).toBe(definition.type);
      expect(doc.components.schemas[definition.payload.name]?.properties).toBeDefined();
    }
  });
});

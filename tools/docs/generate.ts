// Writes the generated API documents into docs/: the AsyncAPI document of the events (docs/asyncapi.yaml) and the
// OpenAPI document of each app (docs/openapi/<app>.yaml). Run it after changing an event, a route or a DTO.
//   npm run docs:generate
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { answersFile, generateAnswers } from './answers';
import { asyncApiYaml } from './asyncapi';
import { CLIENT_TYPES_FILE, clientTypes } from './client';
import { DOCUMENTED_APPS, openApiYaml } from './openapi';

async function main(): Promise<void> {
  const docs = resolve(__dirname, '../../docs');
  writeFileSync(resolve(docs, 'asyncapi.yaml'), asyncApiYaml());
  console.log('[docs] docs/asyncapi.yaml');
  mkdirSync(resolve(docs, 'openapi', 'answers'), { recursive: true });
  // the answers first: each app's document merges its file
  for (const [app, answers] of Object.entries(generateAnswers(Object.keys(DOCUMENTED_APPS)))) {
    writeFileSync(answersFile(app), `${JSON.stringify(answers, null, 2)}\n`);
    console.log(`[docs] docs/openapi/answers/${app}.json`);
  }
  for (const app of Object.keys(DOCUMENTED_APPS)) {
    writeFileSync(resolve(docs, 'openapi', `${app}.yaml`), await openApiYaml(app));
    console.log(`[docs] docs/openapi/${app}.yaml`);
  }
  // the typed client, from the documents just written
  writeFileSync(CLIENT_TYPES_FILE, await clientTypes());
  console.log('[docs] libs/api-client/src/forma-api.ts');
  process.exit(0); // an app's module may hold timers (clients created, never started)
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

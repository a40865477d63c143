// Prints the typed client's generated types (tools/docs/client.ts) on stdout: the staleness test runs it in a process
// of its own (openapi-typescript and Prettier are ES modules, which Jest's module runtime cannot import).
import { clientTypes } from './client';

clientTypes()
  .then((text) => process.stdout.write(text))
  .catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });

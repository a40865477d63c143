#!/usr/bin/env node
// `forma`, the workspace's bin (npx forma ..., or npm run forma -- ...): runs the CLI's TypeScript through SWC, on the
// Node the project runs on (tools/node24.sh puts Node 24 first when the machine's is older).
require('@swc-node/register');
require('reflect-metadata');
require('./forma.ts')
  .program()
  .parseAsync()
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
const { folderImports, loops } = require('./folder-loops.js') as {
  folderImports: (src: string, files: [string, string][]) => Map<string, Set<string>>;
  loops: (edges: Map<string, Set<string>>) => string[];
};

// No two capability folders of an app import each other (issue 24): the check the test command runs.
describe('capability folders that import each other', () => {
  it('are found (a forbidden case: completion and attestations reading each other)', () => {
    const src = '/app/src';
    const edges = folderImports(src, [
      [
        '/app/src/completion/completion.service.ts',
        "import { AttestationRepository } from '../attestations/attestation.repository';",
      ],
      [
        '/app/src/attestations/attestation.service.ts',
        "import { CompletionRepository } from '../completion/completion.repository';",
      ],
      [
        '/app/src/presence/presence.service.ts',
        "import { x } from './presence.rules';\nimport { y } from '../session-access.rules';",
      ],
      ['/app/src/app.module.ts', "import { AttestationService } from './attestations/attestation.service';"],
    ]);
    expect(loops(edges)).toEqual(['attestations <-> completion']);
  });

  it('are none in the tree', () => {
    expect(execFileSync(process.execPath, [resolve(__dirname, 'folder-loops.js')], { encoding: 'utf8' })).toContain(
      'no capability folders import each other',
    );
  });
});

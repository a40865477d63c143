// The TypeScript compiler options of the monorepo, for swc: one definition used by Jest, the build and swc-node.
const { compilerOptions } = require('../../tsconfig.base.json');
const { resolve } = require('node:path');

const root = resolve(__dirname, '../..');

/** @param {{ sourceMaps?: boolean | 'inline', paths?: boolean }} [options] */
function swcOptions(options = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      // the @forma/* aliases become relative requires in compiled code (Jest maps them itself)
      ...(options.paths ? { baseUrl: root, paths: compilerOptions.paths } : {}),
    },
    module: { type: 'commonjs' },
    sourceMaps: options.sourceMaps ?? false,
  };
}

module.exports = { swcOptions, root };

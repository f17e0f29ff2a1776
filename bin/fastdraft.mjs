#!/usr/bin/env node
// Entry of `npx fastdraft`: runs the TypeScript CLI through tsx, so the CLI shares the app's code as it is.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

// The project's tsconfig gives the `@/` paths, wherever the command is run from.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
const { main } = await tsImport('../lib/cli/main.ts', { parentURL: import.meta.url, tsconfig });
process.exitCode = await main(process.argv.slice(2));

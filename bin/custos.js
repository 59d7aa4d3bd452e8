#!/usr/bin/env node
// The `custos` command. Runs the built bundle; `npm start` or `npm run build` makes it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('custos: not built yet; run `npm run build` (or `npm start`, which builds) first.');
  process.exit(1);
}
await import(entry.href);

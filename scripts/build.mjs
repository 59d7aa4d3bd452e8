// Builds the server and CLI bundle (esbuild) and the web app (Vite) into dist/.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { root, sourceHash, stampFile } from './build-state.mjs';

const started = Date.now();
rmSync(stampFile, { force: true });
rmSync(path.join(root, 'dist', 'node'), { recursive: true, force: true });

await esbuild({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    server: 'src/server/main.ts',
    // Runs in a worker thread beside the chunks (platform/worker-task.ts).
    'export-worker': 'src/server/features/documents/export-worker.ts',
    'xlsx-worker': 'src/server/platform/http/xlsx-worker.ts',
  },
  outdir: 'dist/node',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

await vite({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

writeFileSync(stampFile, sourceHash() + '\n');
console.log(`Built server and web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

// `npm start` (serve) and `npm run demo` (demo): build what is missing or out of date, then run
// that command.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIsCurrent, root } from './build-state.mjs';

if (!buildIsCurrent()) {
  console.error('Building Custos (first start or changed sources)…');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('custos: the build failed; see the messages above.');
    process.exit(1);
  }
}
if (process.argv[2] !== 'demo') {
  process.argv.splice(2, 0, 'serve');
}
await import('../dist/node/cli.js');

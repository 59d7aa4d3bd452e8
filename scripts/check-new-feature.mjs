// `npm run check:new-feature`: proves that `npm run new:feature` gives a working feature that touches
// only its own files and one line of the feature list (issue 11). In a copy of the working tree (the
// tree itself is never changed): generates "vendors", checks which files changed, then runs format,
// lint, typecheck, the feature's tests, the cross-tenant and audit passes, the build and a start of
// the built server; removes the copy at the end, passed or not.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './build-state.mjs';

const NAME = 'vendors';
const copy = mkdtempSync(path.join(os.tmpdir(), 'custos-new-feature-'));
const started = Date.now();
const step = (text) => console.log(`\n== ${text} (${Math.round((Date.now() - started) / 1000)} s)`);

function run(command, args, env = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: copy, stdio: 'inherit', env: { ...process.env, ...env } });
}

function tracked() {
  return execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter((file) => file !== '' && statSync(path.join(root, file), { throwIfNoEntry: false }));
}

function hashes(dir, prefix = '', into = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '.git') continue;
    const rel = prefix + entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashes(full, `${rel}/`, into);
    else into.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return into;
}

async function startBuilt() {
  const port = String(34000 + Math.floor(Math.random() * 1000));
  const dataDir = path.join(copy, '.data-check');
  const server = spawn(process.execPath, ['dist/node/cli.js', 'serve'], {
    cwd: copy,
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', CUSTOS_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; i < 120; i += 1) {
      const doc = await fetch(`http://127.0.0.1:${port}/api/openapi.json`).catch(() => null);
      if (doc?.ok) {
        const paths = Object.keys((await doc.json()).paths);
        if (!paths.includes(`/api/orgs/{orgId}/${NAME}`)) {
          throw new Error(`the built server does not serve /api/orgs/{orgId}/${NAME}`);
        }
        console.log(`the built server serves /api/orgs/{orgId}/${NAME} (${paths.length} paths)`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the built server did not answer within 60 s');
  } finally {
    server.kill();
  }
}

try {
  step(`copying the working tree to ${copy}`);
  for (const file of tracked()) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(copy, file));
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  const before = hashes(copy);

  step(`npm run new:feature -- ${NAME}`);
  run(process.execPath, ['scripts/new-feature.mjs', NAME]);
  const after = hashes(copy);
  const changed = [...after.keys()].filter((file) => before.get(file) !== after.get(file));
  const removed = [...before.keys()].filter((file) => !after.has(file));
  const own = (file) =>
    file === `src/contracts/${NAME}.ts` ||
    file.startsWith(`src/server/features/${NAME}/`) ||
    file.startsWith(`src/web/features/${NAME}/`);
  const outside = changed.filter((file) => !own(file) && file !== 'src/contracts/features.ts');
  if (outside.length > 0 || removed.length > 0) {
    throw new Error(`the template touched files outside the feature: ${[...outside, ...removed]}`);
  }
  const list = (dir) =>
    readFileSync(path.join(dir, 'src/contracts/features.ts'), 'utf8').split('\n');
  const added = list(copy).filter((line) => !list(root).includes(line));
  if (added.length !== 1 || list(root).some((line) => !list(copy).includes(line))) {
    throw new Error(`the feature list should gain one line, got: ${JSON.stringify(added)}`);
  }
  console.log(`changed: the feature's ${changed.length - 1} files and one line of the list:`);
  for (const file of changed.sort()) console.log(`  ${file}`);

  step('format, lint, typecheck');
  run('npx', ['prettier', '--check', ...changed]);
  run('npx', ['eslint', '--max-warnings', '0', ...changed]);
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'src/web/tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'test/e2e/tsconfig.json', '--noEmit']);

  step("the feature's tests, the passes over every route, the snapshots recorded anew (SQLite)");
  run(
    'npx',
    [
      'vitest',
      'run',
      '--update',
      `src/server/features/${NAME}`,
      'src/server/tenants-and-audit.int.test.ts',
      'src/server/platform/http/openapi.int.test.ts',
      'src/server/platform/db/migrations.int.test.ts',
      'src/server/db',
    ],
    { TEST_DATABASES: 'sqlite' },
  );

  step('build, and a start of the built server');
  run('node', ['scripts/build.mjs']);
  await startBuilt();
  step('passed: the stub feature builds, lints, typechecks and passes its tests');
} finally {
  rmSync(copy, { recursive: true, force: true });
  console.log(`removed ${copy}`);
}

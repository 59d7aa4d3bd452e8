import { existsSync } from 'node:fs';
import { access, constants, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeConfig, loadConfig, type Config } from '../../server/platform/config';
import {
  describeDatabaseError,
  openDatabase,
  pingDatabase,
} from '../../server/platform/db/connection';
import { migrationState } from '../../server/platform/db/migrator';
import { productVersion } from '../../server/platform/package-info';
import { oneLine, type Io } from '../io';

interface Check {
  ok: boolean;
  text: string;
}

/** Prints the effective configuration and checks the installation; 1 when anything is wrong. */
export async function runDoctor(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
  io.out(`Custos ${productVersion()}`);
  io.out('');
  io.out('Configuration');
  for (const [name, value] of Object.entries(describeConfig(config))) {
    io.out(`  ${name.padEnd(20)} ${value}`);
  }
  io.out('');
  io.out('Checks');
  const checks = [
    checkNode(),
    await checkDataDir(config.dataDir),
    ...(await checkDatabase(config)),
  ];
  for (const check of checks) {
    io.out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.text}`);
  }
  const problems = checks.filter((c) => !c.ok).length;
  io.out('');
  io.out(
    problems === 0 ? 'No problem found.' : `${problems} problem${problems === 1 ? '' : 's'} found.`,
  );
  return problems === 0 ? 0 : 1;
}

function checkNode(): Check {
  const major = Number(process.versions.node.split('.')[0]);
  const ok = major === 20 || major >= 22;
  return {
    ok,
    text: `Node.js ${process.versions.node}${ok ? '' : ' is not supported (use 20, 22 or 24)'}`,
  };
}

async function checkDataDir(dir: string): Promise<Check> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    const probe = path.join(dir, `.doctor-${process.pid}`);
    await writeFile(probe, 'ok');
    await rm(probe);
    return { ok: true, text: `data directory ${dir} is writable` };
  } catch (error) {
    return { ok: false, text: `data directory ${dir} is not writable: ${oneLine(error)}` };
  }
}

async function checkDatabase(config: Config): Promise<Check[]> {
  const target = config.database;
  if (target.kind === 'sqlite' && !existsSync(target.file)) {
    return [
      {
        ok: false,
        text: `SQLite database ${target.file} does not exist yet: run \`custos db migrate\` or start the server`,
      },
    ];
  }
  const database = openDatabase(target);
  try {
    try {
      await pingDatabase(database.db);
    } catch (error) {
      return [
        { ok: false, text: `${target.kind} database unreachable: ${describeDatabaseError(error)}` },
      ];
    }
    const reached: Check = {
      ok: true,
      text: `${target.kind} database reachable${target.kind === 'sqlite' ? ` (${target.file})` : ''}`,
    };
    const state = await migrationState(database.db);
    const migrations: Check = state.current
      ? { ok: true, text: `migrations current (${state.applied} applied)` }
      : {
          ok: false,
          text: `${state.pending} migration${state.pending === 1 ? '' : 's'} pending (${state.pendingNames.join(', ')}): run \`custos db migrate\` or start the server`,
        };
    return [reached, migrations];
  } finally {
    await database.destroy().catch(() => undefined);
  }
}

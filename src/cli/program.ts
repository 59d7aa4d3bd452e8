import { runJobsList, runJobsRetry } from './commands/jobs';
import { Command, CommanderError } from 'commander';
import { productVersion } from '../server/platform/package-info';
import { runServe } from '../server/serve';
import { runAdminCreate } from './commands/admin-create';
import { runAuditCheckpoint } from './commands/audit-checkpoint';
import { runAuditVerify } from './commands/audit-verify';
import { runBreachDeadlines } from './commands/breach-deadlines';
import { CATALOG_FORMATS, runCatalogExport } from './commands/catalog-export';
import { runDemo } from './commands/demo';
import { runDbMigrate } from './commands/db-migrate';
import { runTokenCreate } from './commands/token-create';
import { runDoctor } from './commands/doctor';
import { runKeysRotate } from './commands/keys-rotate';
import { oneLine, type Io } from './io';

/** The result of a CLI run: an exit code, or 'serving' when the server now keeps the process alive. */
export type CliResult = number | 'serving';

/** Parses `argv` (without node and script) and runs the command. Never throws. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: Io,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<CliResult> {
  let result: CliResult = 0;
  const program = new Command('custos')
    .description('Custos: run your HIPAA Security Rule program and prove it to an auditor.')
    .version(productVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  program.addHelpText(
    'after',
    '\nConfiguration comes from environment variables (PORT, HOST, CUSTOS_DATA_DIR, DATABASE_URL,\nCUSTOS_BASE_URL, CUSTOS_MASTER_KEY, SMTP_URL, LOG_LEVEL…); `custos doctor` shows them, the README explains them.',
  );

  program
    .command('serve')
    .description('run the web app and API (applies pending migrations first)')
    .action(async () => {
      const code = await runServe(env, (line) => {
        io.err(line);
      });
      result = code === 0 ? 'serving' : code;
    });

  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      result = await runDbMigrate(env, io);
    });

  const admin = program.command('admin').description('accounts and organizations');
  admin
    .command('create')
    .description('create an organization and its owner (prints the organization id)')
    .requiredOption('--org <name>', 'name of the organization')
    .requiredOption('--email <email>', "the owner's email address")
    .option('--name <name>', "the owner's name (default: the part of the email before @)")
    .option('--password-stdin', "read the owner's password from standard input")
    .action(
      async (options: { org?: string; email?: string; name?: string; passwordStdin?: boolean }) => {
        result = await runAdminCreate(env, io, options, stdin);
      },
    );

  const keys = program.command('keys').description('the master key');
  keys
    .command('rotate')
    .description(
      're-seal file keys and secrets under a new master key (stop the server first; stored files are not rewritten)',
    )
    .option(
      '--new-key-file <path>',
      'a file holding the new key in base64 (default: a new random key)',
    )
    .action(async (options: { newKeyFile?: string }) => {
      result = await runKeysRotate(env, io, options);
    });

  const token = program.command('token').description('API tokens for automation');
  token
    .command('create')
    .description('create an API token bound to one organization (prints it once)')
    .requiredOption('--email <email>', 'the account the token acts for')
    .requiredOption('--org <id>', 'the organization id')
    .requiredOption('--role <role>', 'the role of the token, within the account’s own')
    .option('--days <n>', 'days until it expires (1–365)', '90')
    .option('--name <name>', 'a name to recognise it by', 'CLI token')
    .action(
      async (options: {
        email: string;
        org: string;
        role: string;
        days?: string;
        name?: string;
      }) => {
        result = await runTokenCreate(env, io, options);
      },
    );

  const audit = program.command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'check every chain, head and checkpoint of the audit trail; exit 1 listing each problem',
    )
    .option('--org <id>', 'verify one organization only')
    .option(
      '--checkpoints <file>',
      'also check against checkpoints kept outside Custos (JSON from checkpoint --export)',
    )
    .action(async (options: { org?: string; checkpoints?: string }) => {
      result = await runAuditVerify(env, io, options);
    });
  audit
    .command('checkpoint')
    .description('sign the head of every chain and keep it (a later cut-off or rewrite then shows)')
    .option('--export', 'print every checkpoint and the public key as JSON, to keep outside Custos')
    .action(async (options: { export?: boolean }) => {
      result = await runAuditCheckpoint(env, io, options);
    });

  const jobs = program
    .command('jobs')
    .description('background work: queues, and the jobs that failed')
    .action(async () => {
      result = await runJobsList(env, io);
    });
  jobs
    .command('retry')
    .description('put a dead job back in its queue')
    .argument('<id>', 'the job id, as `custos jobs` shows it')
    .action(async (id: string) => {
      result = await runJobsRetry(env, io, id);
    });

  const catalogCommand = program.command('catalog').description('the HIPAA Security Rule catalog');
  catalogCommand
    .command('export')
    .description('print every standard and implementation specification')
    .option('--format <format>', `output format: ${CATALOG_FORMATS.join(' or ')}`, 'json')
    .action((options: { format: string }) => {
      result = runCatalogExport(io, options.format);
    });

  const breach = program
    .command('breach')
    .description('breach notification (45 CFR 164.400–414), as issue 16 states the rules');
  breach
    .command('deadlines')
    .description(
      "read an incident's facts as one JSON object on standard input; print its notification deadlines as JSON",
    )
    .action(async () => {
      result = await runBreachDeadlines(io, stdin);
    });

  program
    .command('demo')
    .description('create the demo organization, a small clinic with records in every state')
    .action(async () => {
      result = await runDemo(env, io);
    });

  program
    .command('doctor')
    .description(
      'show the effective configuration and check the installation (exit 1 on a problem)',
    )
    .action(async () => {
      result = await runDoctor(env, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return result;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      return error.exitCode;
    }
    io.err(`custos: ${oneLine(error)}`);
    return 1;
  }
}

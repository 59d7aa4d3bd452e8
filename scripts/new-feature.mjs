// `npm run new:feature -- vendors [--record vendor] [--title "Vendors"] [--summary "…"]`: creates a
// feature from scripts/feature-template (contract, server folder with its migration and test, web
// folder) and adds its line to src/contracts/features.ts, the one list of features (issue 11).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { root } from './build-state.mjs';

const usage =
  'usage: npm run new:feature -- <name> [--record <singular>] [--title <Title>] [--summary <text>] [--prefix <REF>]\n' +
  '  <name>: the plural, in lower-case words joined by hyphens (vendors, business-associates)';

function fail(message) {
  console.error(`new:feature: ${message}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    record: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    prefix: { type: 'string' },
    'no-format': { type: 'boolean' },
  },
});
const [name, ...extra] = positionals;
const WORDS = /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;
if (!name || extra.length > 0) fail('give one feature name');
if (!WORDS.test(name)) fail(`"${name}" is not lower-case words joined by hyphens`);
const record = values.record ?? name.replace(/ies$/, 'y').replace(/s$/, '');
if (!WORDS.test(record) || record === name)
  fail(`give the singular with --record (not "${record}")`);

const words = (kebab) => kebab.split('-');
const pascal = (kebab) =>
  words(kebab)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const camel = (kebab) => pascal(kebab)[0].toLowerCase() + pascal(kebab).slice(1);
const snake = (kebab) => words(kebab).join('_');
const sentence = (kebab) => {
  const text = words(kebab).join(' ');
  return text[0].toUpperCase() + text.slice(1);
};

const contracts = path.join(root, 'src', 'contracts');
const serverFeatures = path.join(root, 'src', 'server', 'features');
const webFeatures = path.join(root, 'src', 'web', 'features');
const list = path.join(contracts, 'features.ts');
const targets = {
  contract: path.join(contracts, `${name}.ts`),
  server: path.join(serverFeatures, name),
  web: path.join(webFeatures, name),
};
for (const target of Object.values(targets)) {
  if (existsSync(target)) fail(`${path.relative(root, target)} exists already`);
}
if (readFileSync(list, 'utf8').includes(`from './${name}'`)) fail(`${name} is listed already`);

// The next migration number, after the platform's and every feature's migrations.
function migrationNumbers(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((file) => /^(\d{4})_/.exec(file)?.slice(1).map(Number) ?? []);
}
const numbers = [
  ...migrationNumbers(path.join(root, 'src', 'server', 'db', 'migrations')),
  ...readdirSync(serverFeatures)
    .filter((dir) => statSync(path.join(serverFeatures, dir)).isDirectory())
    .flatMap((dir) => migrationNumbers(path.join(serverFeatures, dir, 'migrations'))),
];
const migration = `${String(Math.max(0, ...numbers) + 1).padStart(4, '0')}_create_${snake(name)}`;

const title = values.title ?? sentence(name);
// The records' references read PREFIX-n (TASK-12, RISK-3): short is better (`--prefix BA`).
const initials = words(record)
  .map((w) => w[0])
  .join('');
const prefix = values.prefix ?? (initials.length > 1 ? initials : record).toUpperCase();
if (!/^[A-Z][A-Z0-9]{0,11}$/.test(prefix))
  fail(`--prefix "${prefix}" is not 1 to 12 capitals or digits`);
const tokens = {
  __features_table__: snake(name),
  __featuresCamel__: camel(name),
  __Features__: pascal(name),
  __features__: name,
  __record_snake__: snake(record),
  __recordCamel__: camel(record),
  __Record__: pascal(record),
  __RECORD__: prefix,
  __title_lower_singular__: words(record).join(' '),
  __title_lower__: title.toLowerCase(),
  __title__: title,
  __summary__: values.summary ?? `The organization's ${title.toLowerCase()}`,
  __migration__: migration,
};
const order = Object.keys(tokens).sort((a, b) => b.length - a.length);
const fill = (text) => order.reduce((t, token) => t.replaceAll(token, tokens[token]), text);

const template = path.join(root, 'scripts', 'feature-template');
const files = {
  'contracts/feature.ts.tmpl': targets.contract,
  'server/index.ts.tmpl': path.join(targets.server, 'index.ts'),
  'server/routes.ts.tmpl': path.join(targets.server, 'routes.ts'),
  'server/service.ts.tmpl': path.join(targets.server, 'service.ts'),
  'server/repository.ts.tmpl': path.join(targets.server, 'repository.ts'),
  'server/presenter.ts.tmpl': path.join(targets.server, 'presenter.ts'),
  'server/tables.ts.tmpl': path.join(targets.server, 'tables.ts'),
  'server/demo.ts.tmpl': path.join(targets.server, 'demo.ts'),
  'server/feature.int.test.ts.tmpl': path.join(targets.server, `${name}.int.test.ts`),
  'server/migrations/migration.ts.tmpl': path.join(targets.server, 'migrations', `${migration}.ts`),
  'web/index.tsx.tmpl': path.join(targets.web, 'index.tsx'),
  'web/Page.tsx.tmpl': path.join(targets.web, `${pascal(name)}Page.tsx`),
};
const written = [];
for (const [from, to] of Object.entries(files)) {
  mkdirSync(path.dirname(to), { recursive: true });
  writeFileSync(to, fill(readFileSync(path.join(template, from), 'utf8')));
  written.push(to);
}
// The list is kept in alphabetical order of the export names (the order features load in).
const listLines = readFileSync(list, 'utf8').trimEnd().split('\n');
const entry = `export * as ${camel(name)} from './${name}';`;
const exportName = (line) => /^export \* as (\w+) /.exec(line)?.[1];
const at = listLines.findIndex((line) => (exportName(line) ?? '') > camel(name));
const before = at === -1 ? listLines.length : at;
listLines.splice(before, 0, entry);
writeFileSync(list, `${listLines.join('\n')}\n`);
written.push(list);

if (!values['no-format']) {
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'prettier'),
    ['--write', '--log-level=warn', ...written],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
console.log(`Created the feature "${name}":`);
for (const file of written) console.log(`  ${path.relative(root, file)}`);
console.log(`
Next:
  1. Shape the contract (src/contracts/${name}.ts), the table (tables.ts and the migration) and the page.
  2. Record the new operations and tables in the snapshots, and review their diff:
       npx vitest run src/server/platform/http/openapi.int.test.ts src/server/platform/db/migrations.int.test.ts -u
     (and once more with TEST_DATABASES=postgres for the PostgreSQL schema snapshot).
  3. npx vitest run src/server/features/${name} src/server/tenants-and-audit.int.test.ts
See "Adding a feature" in docs/ARCHITECTURE.md.`);

// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import words from './scripts/eslint/words.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Architectural rules of conventions.md, enforced here rather than by reviewers.
const boundary = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }],
});

const serverImports = [
  { group: ['**/web/**', '**/cli/**'], message: 'the server never imports the web app or the CLI' },
];
const otherFeatureRepository = {
  group: ['../*/repository', '../*/repository.*', '**/features/*/repository'],
  message: "call the other feature's service, not its repository",
};
const featureImports = [
  otherFeatureRepository,
  {
    // design.md §6.2: one actor, one role. A membership's role is not the role a token acts with.
    group: ['**/contracts/permissions'],
    importNames: ['roleHolds'],
    message: 'authorize with actingOf(request).holds(permission), the role the request acts with',
  },
];
const routeRepositoryImports = {
  group: ['**/repository', '**/repository/*', '**/*-repository'],
  message: 'a route calls its service; only services call repositories',
};
const kyselyTypesOnly = {
  name: 'kysely',
  message: 'SQL belongs in repository files',
  allowTypeImports: true,
};

// Where SQL may be written (conventions.md: "SQL lives only in repository files").
const repositoryFiles = ['**/repository.ts', '**/repository/*.ts', '**/*-repository.ts'];
const testFiles = ['**/*.test.ts', 'test/**'];
const routeFiles = ['src/server/**/routes.ts', 'src/server/**/*-routes.ts'];
const SQL_METHODS = [
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
];
const sqlOutsideRepositories = [
  {
    selector: `MemberExpression[property.name=/^(${SQL_METHODS.join('|')})$/]`,
    message:
      'SQL belongs in a repository file (repository.ts, repository/*.ts, *-repository.ts): call a repository function',
  },
  {
    selector: "ImportDeclaration[source.value='kysely'] ImportSpecifier[imported.name='sql']",
    message:
      'raw SQL belongs in a repository file (repository.ts, repository/*.ts, *-repository.ts)',
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'coverage/', 'test-results/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'no-console': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/contracts/**'],
    rules: boundary([
      {
        group: ['**/server/**', '**/web/**', '**/cli/**'],
        message: 'contracts are shared: they import nothing from server, web or cli',
      },
      { group: nodeBuiltins, message: 'contracts run in the browser too: no Node modules' },
    ]),
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary([
        {
          group: ['**/server/**', '**/cli/**'],
          message: 'the web app talks to the server over HTTP only',
        },
        { group: nodeBuiltins, message: 'no Node modules in the browser' },
      ]),
    },
  },
  {
    // Issue 12: labels, never an enum's raw value (scripts/eslint/words.js).
    files: ['src/web/**/*.tsx'],
    plugins: { words },
    rules: { 'words/no-raw-enum-text': 'error' },
  },
  {
    files: ['src/server/**'],
    rules: boundary([...serverImports, otherFeatureRepository]),
  },
  {
    // SQL lives in repository files, migrations and the db platform only.
    files: ['src/server/features/**'],
    ignores: [...repositoryFiles, ...testFiles, 'src/server/features/*/migrations/**'],
    rules: boundary([...serverImports, ...featureImports], [kyselyTypesOnly]),
  },
  {
    // A route validates, authorizes, calls its service and presents: it never reaches a repository.
    files: routeFiles,
    rules: boundary(
      [...serverImports, ...featureImports, routeRepositoryImports],
      [kyselyTypesOnly],
    ),
  },
  {
    // Queries (query builder or raw `sql`) only in repository files: a service that takes a
    // Transaction passes it on to a repository, it does not query through it.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: [
      ...repositoryFiles,
      ...testFiles,
      'src/server/platform/db/**',
      'src/server/db/migrations/**',
      'src/server/features/*/migrations/**',
    ],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideRepositories] },
  },
  {
    files: ['src/cli/**'],
    rules: boundary([{ group: ['**/web/**'], message: 'the CLI never imports the web app' }]),
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);

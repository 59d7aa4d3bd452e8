import { defineConfig } from 'vitest/config';

// Integration tests run once per database named in TEST_DATABASES (default: sqlite).
const KNOWN = ['sqlite', 'postgres'];
const databases = (process.env.TEST_DATABASES ?? 'sqlite')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const db of databases) {
  if (!KNOWN.includes(db)) {
    throw new Error(
      `TEST_DATABASES: unknown database ${JSON.stringify(db)} (use ${KNOWN.join(', ')})`,
    );
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'test/e2e/**', 'node_modules/**'],
        },
      },
      ...databases.map((db) => ({
        test: {
          name: `int:${db}`,
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          env: { TEST_DB: db },
          globalSetup: db === 'postgres' ? ['test/support/postgres-setup.ts'] : [],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      })),
    ],
  },
});

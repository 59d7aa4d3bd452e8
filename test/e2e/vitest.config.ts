import { defineConfig } from 'vitest/config';

// Browser journeys against the built app (run `npm run build` first). One browser at a time.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

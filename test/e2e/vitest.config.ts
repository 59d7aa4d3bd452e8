import { defineConfig } from 'vitest/config';

// Browser journeys against the built app (run `npm run build` first). One browser at a time.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    // it.concurrent (the page tour's roles): two at a time, for two cores.
    maxConcurrency: 2,
    // A journey (setup to an approved assessment and its PDF) takes minutes on two busy cores.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});

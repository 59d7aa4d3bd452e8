import type { Background } from '../../src/server/platform/background';

/** A background that holds its tasks until `release()`: shows what a request did before answering. */
export function heldBackground(): Background & {
  /** Tasks queued and not yet run. */
  pending(): number;
  /** Runs the held tasks, in order. */
  release(): Promise<void>;
} {
  const tasks: (() => Promise<void>)[] = [];
  return {
    run: (task) => {
      tasks.push(task);
    },
    idle: () => Promise.resolve(),
    pending: () => tasks.length,
    release: async () => {
      for (const task of tasks.splice(0)) {
        await task();
      }
    },
  };
}

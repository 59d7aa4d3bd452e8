/**
 * Work done after the answer is sent, so that neither its duration nor its outcome shows in the
 * answer (a password-reset request must not tell whether the account exists by how long it takes).
 * Tasks run one at a time, in order, in this process; a task that fails is logged and dropped.
 * Nothing is kept across a restart: use it only for work whose loss the user can recover from by
 * asking again.
 */
export interface Background {
  /** Queues `task` to start once the current request has been answered. */
  run(task: () => Promise<void>): void;
  /** Resolves once every task queued so far has finished (graceful shutdown, tests). */
  idle(): Promise<void>;
}

// A flood of requests must not grow memory without bound: beyond this, new tasks are dropped.
const MAX_QUEUED = 1000;

/** The process's background queue; `onError` receives failures and dropped tasks. */
export function createBackground(onError: (error: unknown) => void): Background {
  let queued = 0;
  let tail: Promise<void> = Promise.resolve();
  return {
    run(task) {
      if (queued >= MAX_QUEUED) {
        onError(new Error(`background queue full (${MAX_QUEUED} tasks): task dropped`));
        return;
      }
      queued += 1;
      tail = tail
        // setImmediate: after the answer, which is written in the current turn of the event loop.
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(task)
        .catch(onError)
        .finally(() => {
          queued -= 1;
        });
    },
    idle() {
      return tail;
    },
  };
}

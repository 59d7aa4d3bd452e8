import type { Jobs } from './types';

const notReady = () => Promise.reject(new Error('no jobs runner'));

/** Interim, until the jobs platform is merged from main: enqueues nothing. */
export const jobsPending: Jobs = {
  engine: 'sqlite',
  enqueueIn: () => Promise.resolve(null),
  tick: () => Promise.resolve(0),
  drain: () => Promise.resolve(0),
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
  queues: notReady,
  list: notReady,
  retry: notReady,
};

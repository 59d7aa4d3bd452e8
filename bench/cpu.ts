// CPU time of a server process, read from /proc (Linux): the cost of a request that a loaded,
// shared machine does not blur as much as it blurs requests per second.
import { readFileSync } from 'node:fs';

// Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

/** User plus system CPU time the process has used, in microseconds; null where /proc is absent. */
export function cpuMicros(pid: number | undefined): number | null {
  if (pid === undefined) {
    return null;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, hence the last ')'): utime is the
    // 14th field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

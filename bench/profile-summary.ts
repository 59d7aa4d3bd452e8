// Reads a V8 .cpuprofile: the functions with the most self time, and with the most total time
// (self plus callees, each sample counted once per function even under recursion).

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

function nameOf(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '');
  const where = file ? ` ${file.replace(/^.*\/(dist|src)\//, '$1/')}:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${where}`;
}

/** Summarizes the samples taken after the first `skipMs` (start-up and warm-up). */
export function summarize(profile: CpuProfile, top: number, skipMs = 0): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    const node = byId.get(id);
    if (at < skipMs * 1000 || !node || node.callFrame.functionName === '(idle)') {
      return;
    }
    all += dt;
    const own = nameOf(node.callFrame);
    self.set(own, (self.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = byId.get(up)?.callFrame;
      const name = frame ? nameOf(frame) : '';
      if (frame && !seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + dt);
      }
    }
  });
  const table = (title: string, times: Map<string, number>) =>
    [
      title,
      ...[...times]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, us]) => `  ${((100 * us) / all).toFixed(1).padStart(5)}%  ${name}`),
    ].join('\n');
  return [
    `busy ${(all / 1000).toFixed(0)} ms`,
    table('self time', self),
    table('total time', total),
  ].join('\n');
}

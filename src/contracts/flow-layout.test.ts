import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LABEL_SIZE,
  NODE_SIZE,
  layoutFlowMap,
  pathThrough,
  type FlowEnds,
  type Point,
} from './flow-layout';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const nodeBox = (p: Point): Box => ({
  left: p.x,
  top: p.y,
  right: p.x + NODE_SIZE.width,
  bottom: p.y + NODE_SIZE.height,
});
const labelBox = (c: Point): Box => ({
  left: c.x - LABEL_SIZE.width / 2,
  top: c.y - LABEL_SIZE.height / 2,
  right: c.x + LABEL_SIZE.width / 2,
  bottom: c.y + LABEL_SIZE.height / 2,
});
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (p: Point, b: Box) => p.x > b.left && p.x < b.right && p.y > b.top && p.y < b.bottom;

/** Points along the route's straight segments, every few pixels. */
function along(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  points.slice(1).forEach((b, i) => {
    const a = points[i] ?? b;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 4));
    for (let s = 0; s <= steps; s++) {
      out.push({ x: a.x + ((b.x - a.x) * s) / steps, y: a.y + ((b.y - a.y) * s) / steps });
    }
  });
  return out;
}

/** What the issue saw go wrong: an edge through an unrelated box, labels on each other. */
function problemsOf(assets: readonly string[], flows: readonly FlowEnds[]): string[] {
  const { nodes, edges } = layoutFlowMap(assets, flows);
  const problems: string[] = [];
  const labels = [...edges].map(([id, e]) => ({ id, box: labelBox(e.label) }));
  for (const flow of flows) {
    const route = edges.get(flow.id);
    if (!route) {
      problems.push(`${flow.id} not laid out`);
      continue;
    }
    for (const [id, p] of nodes) {
      const box = nodeBox(p);
      if (id !== flow.from && id !== flow.to && along(route.points).some((q) => inside(q, box))) {
        problems.push(`${flow.id} crosses ${id}`);
      }
      if (overlap(labelBox(route.label), box)) {
        problems.push(`label of ${flow.id} on ${id}`);
      }
    }
  }
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) {
        problems.push(`labels of ${a.id} and ${b.id} overlap`);
      }
    }),
  );
  const boxes = [...nodes].map(([id, p]) => ({ id, box: nodeBox(p) }));
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlap(a.box, b.box)) {
        problems.push(`${a.id} and ${b.id} overlap`);
      }
    }),
  );
  return problems;
}

describe('the data-flow map layout', () => {
  it('lays the demo clinic out with no edge through a box and no label on another', () => {
    const assets = ['ehr', 'billing', 'files', 'fax', 'desk', 'laptops', 'xray'];
    const flows: FlowEnds[] = [
      { id: 'f1', from: 'desk', to: 'ehr' },
      { id: 'f2', from: 'laptops', to: 'ehr' },
      { id: 'f3', from: 'ehr', to: 'billing' },
      { id: 'f4', from: 'xray', to: 'files' },
      { id: 'f5', from: 'fax', to: 'files' },
      { id: 'f6', from: 'files', to: 'billing' },
    ];
    expect(problemsOf(assets, flows)).toEqual([]);
    const { nodes } = layoutFlowMap(assets, flows);
    // Data moves left to right: a flow's source sits left of its target.
    for (const f of flows) {
      expect(nodes.get(f.from)?.x ?? 0).toBeLessThan(nodes.get(f.to)?.x ?? 0);
    }
  });

  it('keeps any small map clear: flows both ways, several between one pair, cycles', () => {
    const asset = fc.integer({ min: 0, max: 7 }).map((n) => `a${n}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(asset, asset), { maxLength: 14 }), (pairs) => {
        const flows = pairs
          .filter(([from, to]) => from !== to)
          .map(([from, to], i) => ({ id: `f${i}`, from, to }));
        const assets = [...new Set(['a0', ...flows.flatMap((f) => [f.from, f.to])])];
        expect(problemsOf(assets, flows)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('draws a path through the route points', () => {
    expect(pathThrough([])).toBe('');
    expect(
      pathThrough([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ]),
    ).toBe('M 0 0 Q 10 0 10 5 L 10 10');
  });
});

import { describe, expect, it } from 'vitest';
import type { DataFlow } from '../../../../contracts/assets';
import { NODE_SIZE, type Point } from '../../../../contracts/flow-layout';
import type { Snapshot } from '../../../../contracts/risk-assessments';
import { pointsAlong, reportMap, type ReportMap } from './flow-map';

const at = '2026-11-22T15:00:00.000Z';
const ref = (n: number) => ({ id: `a${n}`, reference: `ASSET-${n}`, name: `Asset ${n}` });
const asset = (n: number): Snapshot['assets'][number] => ({
  reference: `ASSET-${n}`,
  name: `Asset ${n}`,
  kind: 'server',
  holdsEphi: n !== 5,
  criticality: 'high',
  encryptionAtRest: 'yes',
  encryptionInTransit: 'yes',
  mfa: 'yes',
  backup: 'yes',
});
const flow = (n: number, from: number, to: number): DataFlow => ({
  id: `f${n}`,
  reference: `FLOW-${n}`,
  from: ref(from),
  to: ref(to),
  ephi: 'Charts',
  protocol: 'HTTPS',
  encrypted: 'yes',
  external: false,
  exposed: false,
  createdAt: at,
  updatedAt: at,
});

function snapshot(mapPositions: Snapshot['mapPositions'] = []): Snapshot {
  return {
    takenAt: at,
    risks: [],
    // ASSET-5 holds no ePHI and takes part in no flow: the app's map leaves it out.
    assets: [1, 2, 3, 4, 5].map(asset),
    flows: [flow(1, 1, 2), flow(2, 2, 3), flow(3, 1, 3), flow(4, 3, 4)],
    negligiblePairs: [],
    mapPositions,
  };
}

const box = (map: ReportMap, reference: string) => {
  const found = map.boxes.find((b) => b.reference === reference);
  if (!found) throw new Error(`no box ${reference}`);
  return found.at;
};
/** Whether the line drawn through `points` enters the box whose top-left is `corner`. */
const crosses = (points: readonly Point[], corner: Point) =>
  pointsAlong(points, 60).some(
    (s) =>
      s.x > corner.x + 1 &&
      s.x < corner.x + NODE_SIZE.width - 1 &&
      s.y > corner.y + 1 &&
      s.y < corner.y + NODE_SIZE.height - 1,
  );

describe("the report's data-flow map", () => {
  it('lays out like the app: data moves left to right, each arrow labelled FLOW-n, no line through a box', () => {
    const map = reportMap(snapshot());
    expect(map.boxes.map((b) => b.reference)).toEqual(['ASSET-1', 'ASSET-2', 'ASSET-3', 'ASSET-4']);
    expect(map.arrows.map((a) => a.reference)).toEqual(['FLOW-1', 'FLOW-2', 'FLOW-3', 'FLOW-4']);
    for (const arrow of map.arrows) {
      const flowOf = snapshot().flows.find((f) => f.reference === arrow.reference);
      const [from, to] = [
        box(map, flowOf?.from.reference ?? ''),
        box(map, flowOf?.to.reference ?? ''),
      ];
      expect(from.x).toBeLessThan(to.x);
      const first = arrow.points[0];
      const last = arrow.points[arrow.points.length - 1];
      expect(first && last && first.x < last.x).toBe(true);
      for (const other of map.boxes) {
        if (other.at === from || other.at === to) continue;
        expect(crosses(arrow.points, other.at), `${arrow.reference} × ${other.reference}`).toBe(
          false,
        );
      }
    }
  });

  it('keeps the positions people saved, and bends a moved flow around a box in its way', () => {
    // ASSET-2 placed on the straight line from ASSET-1 to ASSET-3.
    const map = reportMap(
      snapshot([
        { reference: 'ASSET-1', x: 0, y: 0 },
        { reference: 'ASSET-2', x: 400, y: 0 },
        { reference: 'ASSET-3', x: 800, y: 0 },
      ]),
    );
    const [a1, a2, a3] = ['ASSET-1', 'ASSET-2', 'ASSET-3'].map((r) => box(map, r));
    expect(a2 && a1 && a2.x - a1.x).toBe(400);
    expect(a3 && a1 && [a3.x - a1.x, a3.y - a1.y]).toEqual([800, 0]);
    const direct = map.arrows.find((a) => a.reference === 'FLOW-3');
    expect(direct?.points.length).toBe(3);
    expect(a2 && direct && crosses(direct.points, a2)).toBe(false);
  });
});

import {
  LABEL_SIZE,
  NODE_SIZE,
  layoutFlowMap,
  moved,
  pathThrough,
  type Point,
} from '../../../../contracts/flow-layout';
import type { Snapshot } from '../../../../contracts/risk-assessments';
import { MARGIN, pdfText, type Doc } from './drawing';

const INK = '#1a1b1e';
const MUTED = '#5c5f66';

export interface MapBox {
  reference: string;
  name: string;
  holdsEphi: boolean;
  /** Top-left corner, in the map's own pixels (NODE_SIZE boxes). */
  at: Point;
}

export interface MapArrow {
  reference: string;
  color: string;
  exposed: boolean;
  dashed: boolean;
  /** From the source's box to the target's. */
  points: Point[];
  /** The centre of the FLOW-n label. */
  label: Point;
}

export interface ReportMap {
  boxes: MapBox[];
  arrows: MapArrow[];
  width: number;
  height: number;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const rectOf = (p: Point): Rect => ({
  left: p.x,
  top: p.y,
  right: p.x + NODE_SIZE.width,
  bottom: p.y + NODE_SIZE.height,
});
const inside = (p: Point, r: Rect, pad = 2) =>
  p.x > r.left - pad && p.x < r.right + pad && p.y > r.top - pad && p.y < r.bottom + pad;

/**
 * Points along the line pathThrough draws through `points`: a straight start, a quadratic curve
 * turning at each inner point (from one midpoint to the next), a straight end.
 */
export function pointsAlong(points: readonly Point[], steps = 24): Point[] {
  const [first, ...rest] = points;
  if (!first) return [];
  const last = rest.pop();
  const out: Point[] = [first];
  let from = first;
  rest.forEach((c, i) => {
    const next = rest[i + 1] ?? last ?? c;
    const to = { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 };
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const u = 1 - t;
      out.push({
        x: u * u * from.x + 2 * u * t * c.x + t * t * to.x,
        y: u * u * from.y + 2 * u * t * c.y + t * t * to.y,
      });
    }
    from = to;
  });
  if (last) {
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      out.push({ x: from.x + (last.x - from.x) * t, y: from.y + (last.y - from.y) * t });
    }
  }
  return out;
}

/** The point halfway along the line drawn through `points`. */
function middleOf(points: readonly Point[]): Point {
  const along = pointsAlong(points);
  const steps = along.slice(1).map((p, i) => {
    const q = along[i] ?? p;
    return Math.hypot(p.x - q.x, p.y - q.y);
  });
  let rest = steps.reduce((x, y) => x + y, 0) / 2;
  for (const [i, step] of steps.entries()) {
    if (rest <= step) return along[i + 1] ?? { x: 0, y: 0 };
    rest -= step;
  }
  return along[0] ?? { x: 0, y: 0 };
}

/**
 * A flow whose end someone moved: from the side of the source facing the target to the side of
 * the target facing it, straight when that crosses no other box and puts its label on none, else
 * bent (above, below, earlier or later) the least that crosses fewest.
 */
function curveBetween(from: Point, to: Point, others: readonly Rect[]): Point[] {
  const forwards = from.x < to.x;
  const middle = NODE_SIZE.height / 2;
  const a = { x: from.x + (forwards ? NODE_SIZE.width : 0), y: from.y + middle };
  const b = { x: to.x + (forwards ? 0 : NODE_SIZE.width), y: to.y + middle };
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const overlaps = (c: Point, r: Rect) =>
    c.x + LABEL_SIZE.width / 2 > r.left &&
    c.x - LABEL_SIZE.width / 2 < r.right &&
    c.y + LABEL_SIZE.height / 2 > r.top &&
    c.y - LABEL_SIZE.height / 2 < r.bottom;
  const cost = (points: Point[]) => {
    const along = pointsAlong(points);
    const label = middleOf(points);
    const hit = others.filter((r) => along.some((p) => inside(p, r)) || overlaps(label, r));
    const bend =
      points.length === 3 && points[1] ? Math.hypot(points[1].x - mid.x, points[1].y - mid.y) : 0;
    return hit.length * 10_000 + bend;
  };
  const candidates = [[a, b]];
  for (const dx of [0, -0.5, 0.5]) {
    for (const dy of [-1, 1, -2, 2, -3, 3, 0]) {
      if (dx === 0 && dy === 0) continue;
      const bend = { x: mid.x + dx * NODE_SIZE.width, y: mid.y + dy * NODE_SIZE.height };
      candidates.push([a, bend, b]);
    }
  }
  return candidates.reduce((x, y) => (cost(y) < cost(x) ? y : x));
}

/**
 * The map the report draws, as the app draws it: assets where people placed them on the
 * data-flow map (saved with the snapshot), the others where the automatic layout puts them (dagre,
 * data moving left to right, routes between the columns), each arrow labelled with its FLOW-n.
 */
export function reportMap(snapshot: Snapshot): ReportMap {
  const flows = snapshot.flows;
  // The assets the app's map shows, in the same order (dagre's layout depends on it).
  const used = new Set(flows.flatMap((f) => [f.from.reference, f.to.reference]));
  const assets = snapshot.assets.filter((a) => used.has(a.reference) || a.holdsEphi);
  const names = new Map(assets.map((a) => [a.reference, a.name]));
  const ephi = new Set(assets.filter((a) => a.holdsEphi).map((a) => a.reference));
  const shown = assets.map((a) => a.reference);
  const auto = layoutFlowMap(
    shown,
    flows.map((f) => ({ id: f.reference, from: f.from.reference, to: f.to.reference })),
  );
  const saved = new Map(snapshot.mapPositions.map((p) => [p.reference, { x: p.x, y: p.y }]));
  const at = new Map(shown.map((r) => [r, saved.get(r) ?? auto.nodes.get(r) ?? { x: 0, y: 0 }]));
  const free = (r: string) => !moved(at.get(r) ?? { x: 0, y: 0 }, auto.nodes.get(r));
  const arrows = flows.flatMap((f): MapArrow[] => {
    const from = at.get(f.from.reference);
    const to = at.get(f.to.reference);
    if (!from || !to) return [];
    const route = auto.edges.get(f.reference);
    const others = [...at]
      .filter(([r]) => r !== f.from.reference && r !== f.to.reference)
      .map(([, p]) => rectOf(p));
    // dagre's route while both ends stay where it placed them, as the app draws it.
    const routed = route && free(f.from.reference) && free(f.to.reference) ? route : null;
    const points = routed ? routed.points : curveBetween(from, to, others);
    const label = routed ? routed.label : middleOf(points);
    return [
      {
        reference: f.reference,
        color: f.exposed ? '#c92a2a' : f.encrypted === 'yes' ? '#2b8a3e' : '#868e96',
        exposed: f.exposed,
        dashed: f.encrypted !== 'yes',
        points,
        label,
      },
    ];
  });
  // Everything drawn, moved so the map starts at 0, 0.
  const xs = [...at.values()].flatMap((p) => [p.x, p.x + NODE_SIZE.width]);
  const ys = [...at.values()].flatMap((p) => [p.y, p.y + NODE_SIZE.height]);
  for (const arrow of arrows) {
    xs.push(...arrow.points.map((p) => p.x));
    ys.push(...arrow.points.map((p) => p.y));
    xs.push(arrow.label.x - LABEL_SIZE.width / 2, arrow.label.x + LABEL_SIZE.width / 2);
    ys.push(arrow.label.y - LABEL_SIZE.height / 2, arrow.label.y + LABEL_SIZE.height / 2);
  }
  const left = Math.min(...xs, 0);
  const top = Math.min(...ys, 0);
  const shift = (p: Point) => ({ x: p.x - left, y: p.y - top });
  return {
    boxes: shown.map((r) => ({
      reference: r,
      name: names.get(r) ?? '',
      holdsEphi: ephi.has(r),
      at: shift(at.get(r) ?? { x: 0, y: 0 }),
    })),
    arrows: arrows.map((a) => ({ ...a, points: a.points.map(shift), label: shift(a.label) })),
    width: Math.max(...xs, 0) - left,
    height: Math.max(...ys, 0) - top,
  };
}

/** How tall the map is drawn across the page's width (never enlarged), within `most`. */
export function mapHeight(doc: Doc, map: ReportMap, most: number): number {
  const scale = Math.min(1, (doc.page.width - 2 * MARGIN) / Math.max(map.width, 1));
  return Math.min(most, map.height * scale);
}

/**
 * Draws the map in `height` points below `top`, scaled to fit the page: boxes, arrows with their
 * heads and FLOW-n labels, and the legend. Flows of ePHI leaving the organization without
 * encryption are drawn thick and red.
 */
export function drawFlowMap(doc: Doc, map: ReportMap, top: number, height: number): void {
  const room = doc.page.width - 2 * MARGIN;
  const scale = Math.min(1, room / Math.max(map.width, 1), height / Math.max(map.height, 1));
  const left = MARGIN + (room - map.width * scale) / 2;
  const place = (p: Point) => ({ x: left + p.x * scale, y: top + p.y * scale });
  for (const arrow of map.arrows) {
    const points = arrow.points.map(place);
    const end = points[points.length - 1];
    const before = points[points.length - 2];
    if (!end || !before) continue;
    const angle = Math.atan2(end.y - before.y, end.x - before.x);
    const head = 7;
    // The line stops at the arrowhead's base, so its end does not show past the point.
    const base = { x: end.x - head * Math.cos(angle), y: end.y - head * Math.sin(angle) };
    doc
      .save()
      .lineWidth(arrow.exposed ? 2.5 : 1)
      .strokeColor(arrow.color);
    if (arrow.dashed) doc.dash(4, { space: 3 });
    doc
      .path(pathThrough([...points.slice(0, -1), base]))
      .stroke()
      .undash();
    doc
      .polygon(
        [end.x, end.y],
        [end.x - head * Math.cos(angle - 0.4), end.y - head * Math.sin(angle - 0.4)],
        [end.x - head * Math.cos(angle + 0.4), end.y - head * Math.sin(angle + 0.4)],
      )
      .fill(arrow.color)
      .restore();
  }
  const font = Math.max(5.5, Math.min(9, 12 * scale));
  for (const box of map.boxes) {
    const p = place(box.at);
    const [w, h] = [NODE_SIZE.width * scale, NODE_SIZE.height * scale];
    doc
      .roundedRect(p.x, p.y, w, h, 3)
      .lineWidth(box.holdsEphi ? 1.5 : 0.7)
      .fillAndStroke('#f8f9fa', box.holdsEphi ? '#1c7ed6' : '#495057');
    const text = pdfText(`${box.reference} ${box.name}`);
    doc.font('Helvetica-Bold').fontSize(font).fillColor(INK);
    // Centred in the box: one line or two, the rest cut with an ellipsis.
    const tall = Math.min(doc.heightOfString(text, { width: w - 6 }), 2.4 * font);
    doc.text(text, p.x + 3, p.y + (h - tall) / 2, {
      width: w - 6,
      height: 2.4 * font,
      align: 'center',
      ellipsis: true,
    });
  }
  // Labels last, so no line runs over one.
  for (const arrow of map.arrows) {
    const c = place(arrow.label);
    const size = Math.max(5.5, Math.min(8, 11 * scale));
    doc.font(arrow.exposed ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const w = doc.widthOfString(arrow.reference) + 6;
    const h = size + 4;
    doc.roundedRect(c.x - w / 2, c.y - h / 2, w, h, 2).fillAndStroke('#ffffff', arrow.color);
    doc
      .fillColor(arrow.exposed ? '#c92a2a' : INK)
      .text(arrow.reference, c.x - w / 2, c.y - size / 2 + 0.5, {
        width: w,
        align: 'center',
        lineBreak: false,
      });
  }
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      'Data moves left to right, as on the map in Custos (positions people placed are kept). Green solid: encrypted. Grey dashed: not known to be encrypted. Red thick: ePHI leaving the organization unencrypted. Blue border: the asset holds ePHI.',
      MARGIN,
      top + height + 4,
      { width: room },
    );
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + height + 20) + 4;
}

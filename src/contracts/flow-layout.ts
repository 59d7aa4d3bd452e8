// The data-flow map's automatic layout, shared by the web map and the PDF report so both draw
// the same map.
import {
  Graph,
  layout,
  type EdgeLabel,
  type GraphLabel,
  type NodeLabel,
  type Point,
} from '@dagrejs/dagre';

export type { Point };

/** An asset's box on the map, and a flow's label (its FLOW-n), in pixels. */
export const NODE_SIZE = { width: 210, height: 56 } as const;
export const LABEL_SIZE = { width: 64, height: 22 } as const;

export interface FlowEnds {
  id: string;
  from: string;
  to: string;
}

export interface RoutedFlow {
  /** The route from the source's box to the target's, around every other box. */
  points: Point[];
  /** The centre of the flow's label, on a spot of its own. */
  label: Point;
}

export interface FlowMapLayout {
  /** Each asset's top-left corner. */
  nodes: Map<string, Point>;
  edges: Map<string, RoutedFlow>;
}

/**
 * Lays the map out with dagre, a layered layout for directed graphs: data moves left to right,
 * edges are routed between the layers rather than through boxes, and every label is laid out
 * as a box of its own, so labels neither overlap each other nor sit on an asset.
 */
export function layoutFlowMap(
  assetIds: readonly string[],
  flows: readonly FlowEnds[],
): FlowMapLayout {
  const graph = new Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, edgesep: 16, ranksep: 110, marginx: 8, marginy: 8 });
  for (const id of assetIds) {
    graph.setNode(id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  }
  const shown = new Set(assetIds);
  for (const flow of flows) {
    if (shown.has(flow.from) && shown.has(flow.to)) {
      graph.setEdge(flow.from, flow.to, { ...LABEL_SIZE, labelpos: 'c' }, flow.id);
    }
  }
  layout(graph);
  const nodes = new Map<string, Point>();
  for (const id of assetIds) {
    const { x = 0, y = 0 } = graph.node(id);
    nodes.set(id, { x: x - NODE_SIZE.width / 2, y: y - NODE_SIZE.height / 2 });
  }
  const edges = new Map<string, RoutedFlow>();
  for (const flow of flows) {
    if (!graph.hasEdge(flow.from, flow.to, flow.id)) {
      continue;
    }
    const { points = [], x = 0, y = 0 } = graph.edge(flow.from, flow.to, flow.id);
    const from = nodes.get(flow.from);
    const to = nodes.get(flow.to);
    // dagre ends a route where the line to its next point leaves the box, which can clip the
    // corner of a box beside it. A route starts and ends in the free corridors between columns,
    // so it leaves and enters through the box's side that faces them: right to left for a flow
    // running forwards, left to right for one running back (a cycle).
    if (from && to && points.length >= 2) {
      const forwards = from.x < to.x;
      const middle = NODE_SIZE.height / 2;
      points[0] = { x: from.x + (forwards ? NODE_SIZE.width : 0), y: from.y + middle };
      points[points.length - 1] = { x: to.x + (forwards ? 0 : NODE_SIZE.width), y: to.y + middle };
    }
    edges.set(flow.id, { points, label: { x, y } });
  }
  return { nodes, edges };
}

/** Whether an asset was moved from where the automatic layout put it (or it has no place there). */
export function moved(at: Point, auto: Point | undefined): boolean {
  return !auto || Math.abs(at.x - auto.x) > 0.5 || Math.abs(at.y - auto.y) > 0.5;
}

/**
 * An SVG path through `points`: straight from the first, then quadratic curves that turn at
 * each route point, so the line stays within the corridor dagre kept free of boxes.
 */
export function pathThrough(points: readonly Point[]): string {
  const [first, ...rest] = points;
  if (!first) {
    return '';
  }
  const last = rest.pop();
  let d = `M ${first.x} ${first.y}`;
  rest.forEach((p, i) => {
    const next = rest[i + 1] ?? last ?? p;
    d += ` Q ${p.x} ${p.y} ${(p.x + next.x) / 2} ${(p.y + next.y) / 2}`;
  });
  return last ? `${d} L ${last.x} ${last.y}` : d;
}

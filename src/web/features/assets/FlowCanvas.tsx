import '@xyflow/react/dist/style.css';
import { Button, Group, Text, useComputedColorScheme } from '@mantine/core';
import {
  Background,
  BaseEdge,
  Controls,
  EdgeLabelRenderer,
  MarkerType,
  Position,
  ReactFlow,
  getBezierPath,
  useNodesState,
  type Edge,
  type EdgeProps,
  type Node,
} from '@xyflow/react';
import { IconArrowBackUp, IconPhoto } from '@tabler/icons-react';
import { toPng } from 'html-to-image';
import { useMemo, useRef, useState } from 'react';
import type { Asset, DataFlow } from '../../../contracts/assets';
import type { FlowMapPosition } from '../../../contracts/assets-flow-map';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import {
  LABEL_SIZE,
  NODE_SIZE,
  layoutFlowMap,
  moved,
  pathThrough,
  type Point,
} from '../../../contracts/flow-layout';
import { PALETTES, type Palette } from './flow-palette';

interface FlowEdgeData extends Record<string, unknown> {
  /** dagre's route while both ends stay where it placed them; null once one was moved. */
  route: { points: Point[]; label: Point } | null;
  text: string;
  exposed: boolean;
  palette: Palette;
}
type FlowEdge = Edge<FlowEdgeData, 'routed'>;

/** A flow drawn along its laid-out route, its label on the spot the layout kept for it. */
function RoutedEdge(props: EdgeProps<FlowEdge>) {
  const { data, markerEnd, style } = props;
  const [bezier, midX, midY] = getBezierPath(props);
  const path = data?.route ? pathThrough(data.route.points) : bezier;
  const at = data?.route?.label ?? { x: midX, y: midY };
  const palette = data?.palette ?? PALETTES.light;
  return (
    <>
      <BaseEdge path={path} {...(markerEnd ? { markerEnd } : {})} {...(style ? { style } : {})} />
      <EdgeLabelRenderer>
        <div
          className="nodrag nopan"
          style={{
            position: 'absolute',
            transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`,
            minWidth: LABEL_SIZE.width - 8,
            textAlign: 'center',
            padding: '2px 4px',
            borderRadius: 4,
            fontSize: 11,
            fontWeight: data?.exposed ? 700 : 400,
            background: palette.labelBackground,
            color: data?.exposed ? palette.exposed : palette.labelText,
          }}
        >
          {data?.text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const EDGE_TYPES = { routed: RoutedEdge };
const placedBy = (positions: readonly FlowMapPosition[]) =>
  new Map(positions.map((p) => [p.assetId, { x: p.x, y: p.y }]));

interface CanvasProps {
  orgId: string;
  assets: readonly Asset[];
  flows: readonly DataFlow[];
  saved: readonly FlowMapPosition[];
  manage: boolean;
}

/**
 * The map itself: laid out by dagre (contracts/flow-layout.ts, shared with the PDF report), with the assets someone moved where they
 * put them. Moving one saves the layout for the organization; "Automatic layout" drops it.
 */
function Canvas({ orgId, assets, flows, saved, manage }: CanvasProps) {
  const scheme = useComputedColorScheme('light');
  const palette = PALETTES[scheme];
  const shown = useMemo(() => {
    const used = new Set(flows.flatMap((f) => [f.from.id, f.to.id]));
    return assets.filter((a) => used.has(a.id) || a.holdsEphi);
  }, [assets, flows]);
  const auto = useMemo(
    () =>
      layoutFlowMap(
        shown.map((a) => a.id),
        flows.map((f) => ({ id: f.id, from: f.from.id, to: f.to.id })),
      ),
    [shown, flows],
  );
  const [nodes, , onNodesChange] = useNodesState<Node>(
    shown.map((a) => ({
      id: a.id,
      position: placedBy(saved).get(a.id) ?? auto.nodes.get(a.id) ?? { x: 0, y: 0 },
      data: { label: `${a.reference} ${a.name}`, holdsEphi: a.holdsEphi },
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
    })),
  );
  const styled = nodes.map((n) => ({
    ...n,
    style: {
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
      fontSize: 12,
      background: palette.nodeBackground,
      color: palette.nodeText,
      borderColor: n.data.holdsEphi ? palette.ephiBorder : palette.border,
      borderWidth: n.data.holdsEphi ? 2 : 1,
    },
  }));
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  const free = (id: string) => !moved(at.get(id) ?? { x: 0, y: 0 }, auto.nodes.get(id));
  const edges: FlowEdge[] = flows.map((f) => {
    const color = f.exposed
      ? palette.exposed
      : f.encrypted === 'yes'
        ? palette.encrypted
        : palette.unknown;
    const route = auto.edges.get(f.id);
    return {
      id: f.id,
      type: 'routed',
      source: f.from.id,
      target: f.to.id,
      data: {
        route: route && free(f.from.id) && free(f.to.id) ? route : null,
        text: f.reference,
        exposed: f.exposed,
        palette,
      },
      markerEnd: { type: MarkerType.ArrowClosed, color },
      style: {
        stroke: color,
        strokeWidth: f.exposed ? 3 : 1.5,
        ...(f.encrypted === 'yes' ? {} : { strokeDasharray: '6 4' }),
      },
    };
  });
  const save = useApiMutation(api.assets.saveFlowMapLayout);
  const placed = nodes.filter((n) => moved(n.position, auto.nodes.get(n.id)));
  const saveLayout = () =>
    save.mutate([
      { orgId },
      {
        positions: placed.map((n) => ({
          assetId: n.id,
          x: Math.round(n.position.x),
          y: Math.round(n.position.y),
        })),
      },
    ]);
  return (
    <>
      {save.isError ? <MutationError error={save.error} /> : null}
      <ReactFlow
        nodes={styled}
        edges={edges}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        {...(manage ? { onNodeDragStop: saveLayout } : {})}
        nodesDraggable={manage}
        nodesConnectable={false}
        colorMode={scheme}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background bgColor={palette.canvas} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </>
  );
}

/** The data-flow map: legend, export, the canvas; the saved layout is loaded first. */
export function FlowCanvas({ orgId, assets, flows, manage }: Omit<CanvasProps, 'saved'>) {
  const scheme = useComputedColorScheme('light');
  const frame = useRef<HTMLDivElement>(null);
  const layout = useApiQuery(api.assets.getFlowMapLayout, [{ orgId }]);
  // A new canvas when what it shows changes, or the saved layout is dropped.
  const [resets, setResets] = useState(0);
  const reset = useApiMutation(api.assets.saveFlowMapLayout, {
    onSuccess: () => setResets((n) => n + 1),
  });
  const key = `${assets.map((a) => a.id).join()}|${flows.map((f) => `${f.id}${f.from.id}${f.to.id}`).join()}|${resets}`;
  const savedCount = layout.data?.positions.length ?? 0;

  const exportImage = async () => {
    if (!frame.current) return;
    const url = await toPng(frame.current, {
      backgroundColor: PALETTES[scheme].canvas,
      filter: (node) =>
        !(node instanceof HTMLElement && node.classList.contains('react-flow__controls')),
    });
    const a = document.createElement('a');
    a.href = url;
    a.download = 'custos-data-flow-map.png';
    a.click();
  };

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={720}>
          Green: encrypted. Grey dashed: not known to be encrypted. Red: ePHI leaving the
          organization unencrypted. Blue borders mark assets with ePHI. Data moves left to right.
          {manage
            ? ' Drag an asset to move it: the layout is saved for everyone in the organization.'
            : ''}
        </Text>
        <Group gap="xs">
          {manage && savedCount > 0 ? (
            <Button
              variant="default"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              loading={reset.isPending}
              onClick={() => reset.mutate([{ orgId }, { positions: [] }])}
            >
              Automatic layout
            </Button>
          ) : null}
          <Button
            variant="default"
            leftSection={<IconPhoto size={16} aria-hidden />}
            onClick={() => void exportImage()}
          >
            Export image
          </Button>
        </Group>
      </Group>
      {layout.isError ? <ErrorNotice error={layout.error} /> : null}
      <div
        ref={frame}
        style={{
          height: 520,
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 8,
        }}
        data-testid="flow-map"
      >
        {layout.data ? (
          <Canvas
            key={key}
            orgId={orgId}
            assets={assets}
            flows={flows}
            saved={layout.data.positions}
            manage={manage}
          />
        ) : null}
      </div>
    </>
  );
}

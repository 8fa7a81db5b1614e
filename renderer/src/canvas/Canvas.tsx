/**
 * The diagram. Nodes and edges are derived from the design; while a node is
 * dragged its position lives only in React Flow's node state, and the design
 * (one history step) is updated when the drag ends, so a drag never
 * re-renders the rest of the app.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useConnection,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { PlaceableKind } from '../../../shared/edit/create.js';
import { listLinks } from '../../../shared/edit/links.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import type { Position } from '../../../shared/model/schema.js';
import { diagnosticsOf } from '../store/derived.js';
import { useAppStore } from '../store/store.js';
import { DRAG_MIME, dropKind } from './drop.js';
import { setFlow, shownNodeIds, type Flow } from './flow-controls.js';
import { edgeTypes, isValidConnection, nodeTypes, planOf } from './flow-registry.js';
import { isDeviceNode, type AppEdge, type AppNode } from './flow-types.js';
import { LodContext, lodOf, useLod } from './lod.js';
import { elementsByFrame, isCable, Overview } from './Overview.js';
import { StatusLegend } from './StatusLegend.js';
import { badgesOf, designToFlow, reuseUnchanged } from './to-flow.js';

const SNAP: [number, number] = [8, 8];
const FIT = { padding: 0.15, maxZoom: 1.2 } as const;

function LodProvider({ children }: { children: ReactNode }) {
  const lod = useFlowStore((s) => lodOf(s.transform[2]));
  return (
    <LodContext.Provider value={lod}>
      <div className={`lod-root lod-${lod}`}>{children}</div>
    </LodContext.Provider>
  );
}

function ConnectRefusal() {
  const inProgress = useConnection((c) => c.inProgress);
  const reason = useAppStore((s) => s.connectRefusal);
  if (!inProgress || !reason) return null;
  return (
    <div className="connect-refusal" role="status" data-testid="connect-refusal">
      {reason}
    </div>
  );
}

/** Frames in their frame colour, element nodes in their kind's accent (`--frame-<kind>`, `--kind-<kind>` in the stylesheet). */
const minimapColour = (node: AppNode): string =>
  isDeviceNode(node) ? `var(--frame-${node.type})` : `var(--kind-${node.type})`;

function Diagram() {
  const design = useAppStore((s) => s.design);
  const live = useAppStore((s) => s.live);
  const selection = useAppStore((s) => s.selection);
  const reveal = useAppStore((s) => s.reveal);
  const loadSeq = useAppStore((s) => s.loadSeq);
  // Zoomed out, nearly everything is on screen: drawing it all once is cheaper than re-filtering on every pan frame.
  const lod = useLod();
  const simple = lod !== 'full';
  const flowRef = useRef<Flow | null>(null);

  const derived = useMemo(() => {
    const badges = badgesOf(diagnosticsOf(design));
    return designToFlow({ design, badges, live, selection: new Set(selection) });
  }, [design, live, selection]);
  const [nodes, setNodes] = useState<AppNode[]>(derived.nodes);
  const [edges, setEdges] = useState<AppEdge[]>(derived.edges);
  const [synced, setSynced] = useState(derived);
  if (synced !== derived) {
    // Derive during render (not in an effect) so a changed design shows in the same frame.
    setSynced(derived);
    setNodes((prev) => reuseUnchanged(prev, derived.nodes));
    setEdges((prev) => reuseUnchanged(prev, derived.edges));
  }

  useEffect(() => {
    if (!reveal || !flowRef.current) return;
    const design = useAppStore.getState().design;
    // Links (cables, NICs, memberships) are shown by the nodes at both ends.
    const links = new Map(listLinks(design).map((l) => [l.id, l]));
    const ids = new Set<string>();
    for (const id of reveal.ids) {
      const link = links.get(id);
      if (link) ids.add(link.source).add(link.target);
      else ids.add(id);
    }
    const nodes = shownNodeIds(flowRef.current, design, ids);
    void flowRef.current.fitView({ nodes, duration: 300, padding: 0.6, maxZoom: 1.4 });
  }, [reveal]);

  // A design just opened is drawn as from far out (frames and the overview, cheap) until the view is fitted
  // and its zoom is known; else a large design would first mount a node per element only to drop them.
  const [fittedSeq, setFittedSeq] = useState<number | null>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const fitted = flowRef.current?.fitView(FIT) ?? Promise.resolve(false);
      void fitted.then(() => setFittedSeq(loadSeq));
    });
    return () => cancelAnimationFrame(frame);
  }, [loadSeq]);

  // Far out, only the frames are React Flow nodes; elements and cables are drawn by the overview, memberships and VM NICs not at all.
  const minimal = lod === 'minimal' || fittedSeq !== loadSeq;
  const shownNodes = useMemo(() => (minimal ? nodes.filter(isDeviceNode) : nodes), [nodes, minimal]);
  const shownEdges = useMemo(() => (minimal ? [] : edges), [edges, minimal]);
  const overview = useMemo(
    () => (minimal ? { elements: elementsByFrame(derived.nodes), cables: derived.edges.filter(isCable) } : null),
    [derived, minimal],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<AppEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  const onSelectionChange = useCallback(({ nodes, edges }: OnSelectionChangeParams<AppNode, AppEdge>) => {
    useAppStore.getState().select([...nodes.map((n) => n.id), ...edges.map((e) => e.id)]);
  }, []);
  const onNodeDragStop = useCallback((_: unknown, _node: AppNode, dragged: AppNode[]) => {
    const layout = useAppStore.getState().design.layout;
    const moved: Record<string, Position> = {};
    for (const n of dragged) {
      const before = layout[n.id];
      const x = Math.round(n.position.x);
      const y = Math.round(n.position.y);
      if (before?.x !== x || before?.y !== y) moved[n.id] = { ...before, x, y };
    }
    if (Object.keys(moved).length > 0) useAppStore.getState().edit((d) => withPositions(d, moved));
  }, []);
  const onConnect = useCallback((connection: Connection) => {
    const plan = planOf(connection);
    if (plan.ok) useAppStore.getState().edit(plan.apply);
    else useAppStore.getState().toast(plan.reason, 'error');
  }, []);
  const onConnectEnd = useCallback(() => {
    const reason = useAppStore.getState().connectRefusal;
    if (reason) useAppStore.getState().toast(reason, 'error');
    useAppStore.setState({ connectRefusal: null });
  }, []);
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback((event: DragEvent) => {
    const kind = event.dataTransfer.getData(DRAG_MIME) as PlaceableKind;
    if (!kind || !flowRef.current) return;
    event.preventDefault();
    const at = flowRef.current.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    void dropKind(kind, { x: Math.round(at.x), y: Math.round(at.y) }, flowRef.current.getNodes());
  }, []);
  const onInit = useCallback((flow: Flow) => {
    flowRef.current = flow;
    setFlow(flow);
  }, []);
  useEffect(() => () => setFlow(null), []);
  // Panning: capture the pointer on the pane so moves are not hit-tested against every node and edge.
  useEffect(() => {
    const pane = document.querySelector<HTMLElement>('.react-flow__pane');
    if (!pane) return;
    const capture = (event: PointerEvent) => {
      if (event.target === pane && event.button === 0 && !event.shiftKey) pane.setPointerCapture(event.pointerId);
    };
    pane.addEventListener('pointerdown', capture);
    return () => pane.removeEventListener('pointerdown', capture);
  }, []);

  return (
    <ReactFlow<AppNode, AppEdge>
      nodes={shownNodes}
      edges={shownEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onSelectionChange={onSelectionChange}
      onNodeDragStop={onNodeDragStop}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      isValidConnection={isValidConnection}
      connectionMode={ConnectionMode.Loose}
      onInit={onInit}
      onDragOver={onDragOver}
      onDrop={onDrop}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control']}
      snapToGrid
      snapGrid={SNAP}
      fitView
      fitViewOptions={FIT}
      minZoom={0.05}
      maxZoom={2.5}
      onlyRenderVisibleElements={!simple}
      proOptions={{ hideAttribution: true }}
      data-testid="canvas"
    >
      {/* Far out the dot grid shrinks to sub-pixel tiles that cost more to paint than everything else. */}
      {lod !== 'minimal' && <Background variant={BackgroundVariant.Dots} gap={16} size={1} />}
      {/* Far out the canvas is its own overview; the minimap would double the store subscriptions (one per node) on every frame. */}
      {lod !== 'minimal' && (
        <MiniMap<AppNode> pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} ariaLabel="Overview" />
      )}
      {overview && <Overview nodes={nodes} elements={overview.elements} cables={overview.cables} />}
      <Controls showInteractive={false} />
      <ConnectRefusal />
      <StatusLegend />
    </ReactFlow>
  );
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <LodProvider>
        <Diagram />
      </LodProvider>
    </ReactFlowProvider>
  );
}

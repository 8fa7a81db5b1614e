/**
 * The diagram. Nodes and edges are derived from the design; while a node is
 * dragged its position lives only in React Flow's node state, and the design
 * (one history step) is updated when the drag ends, so a drag never
 * re-renders the rest of the app.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  ConnectionMode,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useConnection,
  useStore as useFlowStore,
  type Connection,
  type XYPosition,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import type { PlaceableKind } from '../../../shared/edit/create.js';
import { listLinks } from '../../../shared/edit/links.js';
import { withPositions } from '../../../shared/edit/update-in.js';
import type { Position } from '../../../shared/model/schema.js';
import { runAction } from '../actions/run.js';
import { useDiagnostics } from '../store/derived.js';
import { useAppStore } from '../store/store.js';
import { Backdrop } from './Backdrop.js';
import { DRAG_MIME, dropKind } from './drop.js';
import { getFlow, setFlow, shownNodeIds, viewPadding, type Flow } from './flow-controls.js';
import { edgeTypes, isValidConnection, nodeTypes, planOf } from './flow-registry.js';
import { isDeviceNode, type AppEdge, type AppNode } from './flow-types.js';
import { LodContext, lodOf, useLod } from './lod.js';
import { elementsByFrame, isCable, Overview } from './Overview.js';
import { dropPlaces, mayMoveFrames, newOverlap } from './placement.js';
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

/** What to do first, on a canvas with no host or switch yet. */
function EmptyHint() {
  const empty = useAppStore((s) => s.design.hosts.length === 0 && s.design.switches.length === 0);
  if (!empty) return null;
  return (
    <Panel position="top-center" className="empty-hint" data-testid="empty-hint">
      Nothing here yet. Drag a host or a switch from the palette onto the canvas (or click it), then drop ports, bonds
      and bridges into it. File › Open reads a saved design.
    </Panel>
  );
}

/** The minimap, closed until the person opens it (button or Alt+M); a click in it centres the view there. */
function Minimap() {
  const open = useAppStore((s) => s.minimapOpen);
  const onClick = useCallback((_: unknown, at: XYPosition) => {
    const flow = getFlow();
    if (flow) void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 200 });
  }, []);
  if (!open) return null;
  return (
    <MiniMap<AppNode>
      pannable
      zoomable
      onClick={onClick}
      nodeColor={minimapColour}
      nodeStrokeWidth={0}
      ariaLabel="Overview"
    />
  );
}

function MinimapButton() {
  const open = useAppStore((s) => s.minimapOpen);
  return (
    <ControlButton
      onClick={() => runAction('toggle-minimap')}
      title={`${open ? 'Hide' : 'Show'} the minimap (Alt+M)`}
      aria-pressed={open}
      data-testid="toggle-minimap"
    >
      ▣
    </ControlButton>
  );
}

function Diagram() {
  const design = useAppStore((s) => s.design);
  const live = useAppStore((s) => s.live);
  const selection = useAppStore((s) => s.selection);
  const reveal = useAppStore((s) => s.reveal);
  const loadSeq = useAppStore((s) => s.loadSeq);
  const lod = useLod();
  const flowRef = useRef<Flow | null>(null);

  const diagnostics = useDiagnostics();
  const derived = useMemo(() => {
    const badges = badgesOf(diagnostics ?? []);
    return designToFlow({ design, badges, live, selection: new Set(selection) });
  }, [design, diagnostics, live, selection]);
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

  // A design just opened is drawn as its frames alone (cheap: the first picture comes sooner) until the view is
  // fitted and its zoom is known; else a large design would first mount a node per element only to drop them.
  // Fitted once the design is checked: the Problems panel (and so the canvas) has its height by then.
  const checked = diagnostics !== null;
  const [fittedSeq, setFittedSeq] = useState<number | null>(null);
  useEffect(() => {
    if (!checked) return;
    const frame = requestAnimationFrame(() => {
      const fit = flowRef.current?.fitView({ ...FIT, padding: viewPadding(FIT.padding) }) ?? Promise.resolve(false);
      void fit.then(() => setFittedSeq(loadSeq));
    });
    return () => cancelAnimationFrame(frame);
  }, [loadSeq, checked]);

  // Far out, only the frames are React Flow nodes; elements and cables are drawn by the overview, memberships and VM NICs not at all.
  const fitted = fittedSeq === loadSeq;
  const minimal = lod === 'minimal' || !fitted;
  const shownNodes = useMemo(() => (minimal ? nodes.filter(isDeviceNode) : nodes), [nodes, minimal]);
  const shownEdges = useMemo(() => (minimal ? [] : edges), [edges, minimal]);
  const overview = useMemo(
    () =>
      minimal && fitted ? { elements: elementsByFrame(derived.nodes), cables: derived.edges.filter(isCable) } : null,
    [derived, minimal, fitted],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<AppNode>[]) => setNodes((ns) => applyNodeChanges(changes, ns)),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<AppEdge>[]) => setEdges((es) => applyEdgeChanges(changes, es)),
    [],
  );
  const derivedRef = useRef(derived);
  useLayoutEffect(() => {
    derivedRef.current = derived;
  }, [derived]);
  const onSelectionChange = useCallback(({ nodes, edges }: OnSelectionChangeParams<AppNode, AppEdge>) => {
    const state = useAppStore.getState();
    const ids = [...nodes.map((n) => n.id), ...edges.map((e) => e.id)];
    const { nodes: allNodes, edges: allEdges } = derivedRef.current;
    const canvas = new Set([...allNodes.map((n) => n.id), ...allEdges.map((e) => e.id)]);
    const shown = state.selection.filter((id) => canvas.has(id));
    const now = new Set(ids);
    // The canvas echoing the store's selection (a network picked in the side list, a problem clicked) changes nothing.
    if (shown.length === ids.length && shown.every((id) => now.has(id))) return;
    // What stays selected keeps its order (the first is the one the inspector shows); what joins goes after it.
    const kept = shown.filter((id) => now.has(id));
    const before = new Set(kept);
    state.select([...kept, ...ids.filter((id) => !before.has(id))]);
  }, []);
  // A plain click on a node that was already selected with others (say by a problem) selects it alone.
  const onNodeClick = useCallback((event: MouseEvent, node: AppNode) => {
    if (event.shiftKey || event.ctrlKey || event.metaKey) return;
    const { selection, select } = useAppStore.getState();
    if (selection.length !== 1 || selection[0] !== node.id) select([node.id]);
  }, []);
  // Where each dragged node lies on the canvas, taken at each step: a dragged element's place is relative to its frame
  // as React Flow had it then (it grows the frame left or up on the way), which it may not have redrawn when the drag ends.
  const dragAt = useRef(new Map<string, Position>());
  const onNodeDrag = useCallback((_: unknown, _node: AppNode, dragged: AppNode[]) => {
    for (const n of dragged) {
      const frame = n.parentId === undefined ? undefined : flowRef.current?.getInternalNode(n.parentId);
      const origin = frame?.internals.positionAbsolute ?? { x: 0, y: 0 };
      dragAt.current.set(n.id, { x: origin.x + n.position.x, y: origin.y + n.position.y });
    }
  }, []);
  const onNodeDragStop = useCallback(() => {
    const state = useAppStore.getState();
    const at = dragAt.current;
    dragAt.current = new Map();
    const moved = dropPlaces(derivedRef.current.nodes, at, state.design.layout);
    if (Object.keys(moved).length === 0) {
      // Kept where it was (say, inside its frame): show it there again.
      setNodes((prev) => reuseUnchanged(prev, derivedRef.current.nodes));
      return;
    }
    const next = withPositions(state.design, moved);
    const overlap = mayMoveFrames(derivedRef.current.nodes, moved) ? newOverlap(state.design, next) : undefined;
    if (overlap) {
      // Frames never lie over one another: the move is refused and everything goes back.
      state.toast(`Not moved: ${overlap}`, 'error');
      setNodes((prev) => reuseUnchanged(prev, derivedRef.current.nodes));
      return;
    }
    state.edit(() => next);
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
      onNodeClick={onNodeClick}
      onNodeDrag={onNodeDrag}
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
      multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
      snapToGrid
      snapGrid={SNAP}
      fitView
      fitViewOptions={FIT}
      minZoom={0.05}
      maxZoom={2.5}
      // Nodes declare their size and handles (to-flow), so leaving off-screen ones out costs no measuring pass.
      onlyRenderVisibleElements
      proOptions={{ hideAttribution: true }}
      data-testid="canvas"
    >
      {/* Far out the dot grid shrinks to sub-pixel tiles that cost more to paint than everything else. */}
      <Backdrop dots={lod !== 'minimal'} />
      {/* Far out the canvas is its own overview; the minimap would double the store subscriptions (one per node) on every frame. */}
      {lod !== 'minimal' && <Minimap />}
      {overview && <Overview nodes={nodes} elements={overview.elements} cables={overview.cables} />}
      <Controls showInteractive={false}>
        <MinimapButton />
      </Controls>
      <ConnectRefusal />
      <EmptyHint />
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

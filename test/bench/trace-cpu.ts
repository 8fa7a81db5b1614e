/**
 * CPU time per frame from a Chromium trace (`browser.startTracing` /
 * `stopTracing`): the page's main thread, rasterising its tiles and the display
 * compositor. Frame times on a loaded machine mostly say how long a thread
 * waited for a core; these say how much work a frame was.
 */

/** The trace categories `cpuPerFrame` reads. */
export const CPU_TRACE_CATEGORIES = ['toplevel', 'cc', 'viz', 'disabled-by-default-devtools.timeline'];

export interface CpuPerFrame {
  /** Frames the page's main thread began. */
  readonly frames: number;
  /** Milliseconds per frame: the page's main thread, rasterising its tiles, the display compositor. */
  readonly main: number;
  readonly raster: number;
  readonly display: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

const isTask = (e: TraceEvent) => e.ph === 'X' && e.dur !== undefined && /RunTask$/.test(e.name);

/** Time covered by the tasks (nested tasks counted once). */
function busy(tasks: readonly TraceEvent[]): number {
  let total = 0;
  let end = -Infinity;
  for (const t of [...tasks].sort((a, b) => a.ts - b.ts)) {
    const stop = t.ts + (t.dur ?? 0);
    if (t.ts >= end) total += stop - t.ts;
    else if (stop > end) total += stop - end;
    end = Math.max(end, stop);
  }
  return total / 1000;
}

export function cpuPerFrame(trace: string): CpuPerFrame {
  const parsed = JSON.parse(trace) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const tasks = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (!isTask(e)) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = tasks.get(key);
    if (list) list.push(e);
    else tasks.set(key, [e]);
  }
  const threads = [...tasks.keys()];
  // The page's renderer: the renderer main thread that did the most.
  const main = threads
    .filter((k) => threadName.get(k) === 'CrRendererMain')
    .sort((a, b) => busy(tasks.get(b)!) - busy(tasks.get(a)!))[0];
  if (!main) throw new Error('the trace has no renderer main thread');
  const pid = main.split(':')[0];
  const sum = (keys: readonly string[]) => keys.reduce((n, k) => n + busy(tasks.get(k)!), 0);
  const frames = events.filter(
    (e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.name === 'ProxyMain::BeginMainFrame',
  ).length;
  const per = (ms: number) => ms / Math.max(1, frames);
  return {
    frames,
    main: per(busy(tasks.get(main)!)),
    // Raster tasks only: the same worker threads run V8's background compiling and collecting too.
    raster: per(
      events
        .filter((e) => e.name === 'RasterTask' && e.ph === 'X' && String(e.pid) === pid)
        .reduce((n, e) => n + (e.dur ?? 0) / 1000, 0),
    ),
    display: per(sum(threads.filter((k) => threadName.get(k) === 'VizCompositorThread'))),
  };
}

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the event cost even when other processes share the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

/**
 * Where the renderer's main thread spent its time in a Chromium trace: self CPU time (ms, from the events' thread
 * time, so the figures hold on a loaded machine) per event name (FunctionCall, Layout, Paint, …), nested events
 * subtracted from their parents: the total and the `count` largest.
 */
export function mainThreadBreakdown(
  trace: { traceEvents: TraceEvent[] } | TraceEvent[],
  count = 12,
): Record<string, number> {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  if (!main) return {};
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.dur ?? 0) > 0)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string; child: number; cpu: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      self.set(done.name, (self.get(done.name) ?? 0) + Math.max(0, done.cpu - done.child));
      if (stack.length) stack[stack.length - 1]!.child += done.cpu;
    }
  };
  for (const span of spans) {
    close(span.ts);
    stack.push({ end: span.ts + span.dur!, name: span.name, child: 0, cpu: span.tdur ?? span.dur! });
  }
  close(Number.POSITIVE_INFINITY);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  return Object.fromEntries([
    ['total', Math.round(total / 1000)],
    ...top.map(([name, us]) => [name, +(us / 1000).toFixed(1)]),
  ]);
}

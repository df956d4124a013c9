/**
 * Long tasks in a Chrome trace (devtools.timeline categories): each main-thread task of at least
 * `minMs`, with what it spent its time on (script by function and source, style, layout, parsing,
 * garbage collection). Used by profile.ts to explain the long-task goal.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { functionName?: string; url?: string; lineNumber?: number; frame?: string }; name?: string };
}

export interface TaskBreakdown {
  /** ms since the first event of the trace. */
  start: number;
  duration: number;
  /** Child events by name (and, for script, by function), ms of their own time. */
  parts: Array<{ what: string; ms: number }>;
}

/** Events of the thread named CrRendererMain whose process shows `urlPart` in a frame. */
export function longTasks(events: readonly TraceEvent[], minMs = 50, pageTid?: { pid: number; tid: number }): TaskBreakdown[] {
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const origin = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const isMain = (e: TraceEvent) => (pageTid ? e.pid === pageTid.pid && e.tid === pageTid.tid : threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && isMain(e)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = complete.filter((e) => e.name === 'RunTask' && e.dur! >= minMs * 1000);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = complete.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Self time of each event: its duration minus its direct children's (events nest properly per thread).
    const parts = new Map<string, number>();
    const stack: Array<{ e: TraceEvent; childMs: number }> = [];
    const close = (upTo: number) => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= upTo) {
        const { e, childMs } = stack.pop()!;
        const what = describe(e);
        parts.set(what, (parts.get(what) ?? 0) + e.dur! / 1000 - childMs);
        if (stack.length) stack[stack.length - 1]!.childMs += e.dur! / 1000;
      }
    };
    for (const e of inside) {
      close(e.ts);
      stack.push({ e, childMs: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const childTotal = inside.filter((e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!)).reduce((t, e) => t + e.dur! / 1000, 0);
    parts.set('(task itself)', task.dur! / 1000 - childTotal);
    return {
      start: (task.ts - origin) / 1000,
      duration: task.dur! / 1000,
      parts: [...parts.entries()].map(([what, ms]) => ({ what, ms })).filter((p) => p.ms >= 1).sort((a, b) => b.ms - a.ms),
    };
  });
}

function describe(e: TraceEvent): string {
  const data = e.args?.data;
  if ((e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction') && data) {
    const file = (data.url ?? '').replace(/^chrome-extension:\/\/[^/]+\//, 'extension:').replace(/^https?:\/\/[^/]+\//, '');
    return `${e.name} ${data.functionName || '(anonymous)'} ${file}${data.lineNumber !== undefined ? `:${data.lineNumber + 1}` : ''}`;
  }
  return e.name;
}

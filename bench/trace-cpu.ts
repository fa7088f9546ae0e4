// Where a check's CPU goes, from a Chromium trace: busy time per thread (top-level tasks only, so nested
// tasks are not counted twice) and, for the threads the V8 sampling profiler saw, the scripts it was in.
// Pure: the trace's events in, figures out (scripts/bench-cpu.ts records the trace).

export interface TraceEvent {
  readonly name: string;
  readonly ph?: string;
  readonly ts?: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number | string;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

export interface ThreadCpu {
  readonly process: string;
  readonly thread: string;
  readonly busyMs: number;
}

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

const key = (e: { pid: number; tid: number | string }) => `${e.pid}/${e.tid}`;

function names(events: readonly TraceEvent[], what: 'process_name' | 'thread_name'): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M' || e.name !== what) continue;
    const name = String((e.args as { name?: unknown } | undefined)?.name ?? '');
    out.set(what === 'process_name' ? String(e.pid) : key(e), name);
  }
  return out;
}

/** Busy ms per thread inside [fromUs, toUs]: the top-level tasks that started there, outermost only. */
export function busyByThread(events: readonly TraceEvent[], fromUs: number, toUs: number): ThreadCpu[] {
  const processes = names(events, 'process_name');
  const threads = names(events, 'thread_name');
  const tasks = new Map<string, { ts: number; end: number }[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !TOP_LEVEL.has(e.name) || e.ts === undefined || e.dur === undefined) continue;
    if (e.ts < fromUs || e.ts > toUs) continue;
    const list = tasks.get(key(e)) ?? [];
    list.push({ ts: e.ts, end: e.ts + e.dur });
    tasks.set(key(e), list);
  }
  const out: ThreadCpu[] = [];
  for (const [k, list] of tasks) {
    list.sort((a, b) => a.ts - b.ts);
    let busy = 0;
    let reach = Number.NEGATIVE_INFINITY;
    for (const t of list) {
      // A task inside one already counted is nested in it.
      if (t.ts >= reach) busy += t.end - t.ts;
      else if (t.end > reach) busy += t.end - reach;
      reach = Math.max(reach, t.end);
    }
    const pid = k.split('/')[0] ?? '';
    out.push({ process: processes.get(pid) ?? pid, thread: threads.get(k) ?? k, busyMs: busy / 1000 });
  }
  return out.sort((a, b) => b.busyMs - a.busyMs);
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

/** Per profiled thread ("process · thread"), ms of samples per script file (native work as "(native)"), idle left out. */
export function samplesByScript(events: readonly TraceEvent[]): Map<string, Map<string, number>> {
  const threads = names(events, 'thread_name');
  const processes = names(events, 'process_name');
  const label = (e: TraceEvent) => `${processes.get(String(e.pid)) ?? e.pid} · ${threads.get(key(e)) ?? key(e)}`;
  // The chunks come from the profiler's own thread; the Profile event that opens them is on the sampled one.
  const sampled = new Map<string, string>();
  for (const e of events) if (e.name === 'Profile') sampled.set(`${e.pid}/${e.id ?? ''}`, label(e));
  interface Profile {
    readonly thread: string;
    readonly nodes: Map<number, ProfileNode>;
    readonly samples: number[];
    readonly deltas: number[];
  }
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const data = (e.args?.data ?? {}) as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    const k = `${e.pid}/${e.id ?? ''}`;
    const p: Profile = profiles.get(k) ?? { thread: sampled.get(k) ?? key(e), nodes: new Map(), samples: [], deltas: [] };
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
    profiles.set(k, p);
  }
  const out = new Map<string, Map<string, number>>();
  for (const p of profiles.values()) {
    const byScript = out.get(p.thread) ?? new Map<string, number>();
    p.samples.forEach((id, i) => {
      const frame = p.nodes.get(id)?.callFrame;
      if (!frame || frame.functionName === '(idle)') return;
      const script = frame.url ? (frame.url.split('/').pop() ?? frame.url) : '(native)';
      byScript.set(script, (byScript.get(script) ?? 0) + (p.deltas[i] ?? 0) / 1000);
    });
    out.set(p.thread, byScript);
  }
  return out;
}

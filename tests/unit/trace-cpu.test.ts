import { describe, expect, it } from 'vitest';
import { busyByThread, samplesByScript, type TraceEvent } from '../../bench/trace-cpu';

const meta: TraceEvent[] = [
  { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'Extension Renderer' } },
  { name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: 1, tid: 11, args: { name: 'ServiceWorker thread' } },
  { name: 'thread_name', ph: 'M', pid: 1, tid: 12, args: { name: 'v8:ProfEvntProc' } },
];
const task = (tid: number, ts: number, dur: number, name = 'ThreadControllerImpl::RunTask'): TraceEvent => ({
  name,
  ph: 'X',
  pid: 1,
  tid,
  ts,
  dur,
});

describe('busyByThread', () => {
  it('sums top-level tasks in the window, a nested or overlapping one counted once, busiest thread first', () => {
    const events = [
      ...meta,
      task(10, 1000, 3000),
      task(10, 1500, 1000), // nested in the first
      task(10, 3500, 1000), // overlaps it by 500 µs
      task(10, 9000, 1000), // starts after the window
      task(10, 2000, 500, 'Layout'), // not a top-level task
      task(11, 500, 2000), // starts before the window
      task(11, 2000, 2000, 'ThreadPool_RunTask'),
    ];
    expect(busyByThread(events, 1000, 8000)).toEqual([
      { process: 'Extension Renderer', thread: 'CrRendererMain', busyMs: 3.5 },
      { process: 'Extension Renderer', thread: 'ServiceWorker thread', busyMs: 2 },
    ]);
  });
});

describe('busyByThread, at its edges', () => {
  it('counts tasks starting on either bound, out of order, back to back, and ignores ones that are not complete top-level tasks', () => {
    const events: TraceEvent[] = [
      { name: 'process_name', ph: 'M', pid: 2, tid: 0, args: { name: 'Browser' } },
      { name: 'thread_name', ph: 'M', pid: 2, tid: 20, args: { name: 'CrBrowserMain' } },
      // Not metadata, or metadata of the other kind: names nothing.
      { name: 'thread_name', ph: 'X', pid: 2, tid: 21, args: { name: 'Wrong' } },
      { name: 'process_name', ph: 'X', pid: 2, tid: 21, args: { name: 'Wrong too' } },
      { name: 'thread_name', ph: 'M', pid: 2, tid: 22 },
      // First, so a task without a start that got in would poison the sum for every task after it.
      { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 2, tid: 20, dur: 1000 },
      task(20, 5000, 1000), // back to back with the next: both whole
      task(20, 4000, 1000),
      task(20, 4500, 500), // ends where the first ends: nothing more
      task(20, 8000, 1000), // starts on the upper bound
      task(20, 1000, 500), // starts on the lower bound
      { ...task(20, 2000, 1000), ph: 'B' },
      { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 2, tid: 20, ts: 3000 },
      { name: 'ThreadPool_RunTask', ph: 'X', pid: 2, tid: 21, ts: 1000, dur: 300 },
      { name: 'ThreadPool_RunTask', ph: 'X', pid: 2, tid: 22, ts: 1000, dur: 200 },
      { name: 'ThreadPool_RunTask', ph: 'X', pid: 31, tid: 30, ts: 1000, dur: 7000 },
    ].map((e) => (e.pid === 1 && e.tid !== 0 ? { ...e, pid: 2, tid: 20 } : e));
    expect(busyByThread(events, 1000, 8000)).toEqual([
      { process: '31', thread: '31/30', busyMs: 7 },
      { process: 'Browser', thread: 'CrBrowserMain', busyMs: 3.5 },
      { process: 'Browser', thread: '2/21', busyMs: 0.3 },
      { process: 'Browser', thread: '', busyMs: 0.2 },
    ]);
  });
});

describe('samplesByScript', () => {
  it('attributes samples to the sampled thread (not the profiler thread), by script file; idle is left out', () => {
    const node = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url } });
    const events: TraceEvent[] = [
      ...meta,
      { name: 'Profile', ph: 'P', pid: 1, tid: 11, id: '0x2' },
      {
        name: 'ProfileChunk',
        ph: 'P',
        pid: 1,
        tid: 12,
        id: '0x2',
        args: {
          data: {
            cpuProfile: {
              nodes: [node(1, '(idle)', ''), node(2, 'fetch', ''), node(3, 'run', 'chrome-extension://x/assets/index.ts-A.js')],
              samples: [1, 2, 3, 3],
            },
            timeDeltas: [5000, 1000, 2000, 500],
          },
        },
      },
    ];
    expect(samplesByScript(events)).toEqual(
      new Map([
        [
          'Extension Renderer · ServiceWorker thread',
          new Map([
            ['(native)', 1],
            ['index.ts-A.js', 2.5],
          ]),
        ],
      ]),
    );
  });
});

describe('samplesByScript, at its edges', () => {
  it('takes chunks without nodes, samples or deltas, drops samples of unknown nodes, and keys an unopened profile by its chunk', () => {
    const node = (id: number, url: string) => ({ id, callFrame: { functionName: 'f', url } });
    const events: TraceEvent[] = [
      ...meta,
      { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 12, id: '0x9', args: { data: { cpuProfile: { nodes: [node(1, 'a/b/x.js')] } } } },
      { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 12, id: '0x9', args: { data: { cpuProfile: { samples: [1, 7, 1] } } } },
      { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 12, id: '0x9', args: { data: { timeDeltas: [1000, 2000, 3000] } } },
      { name: 'ProfileChunk', ph: 'P', pid: 1, tid: 12, id: '0x9' },
    ];
    expect(samplesByScript(events)).toEqual(new Map([['1/12', new Map([['x.js', 4]])]]));
  });
});

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

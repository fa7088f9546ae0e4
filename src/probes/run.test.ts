import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry } from '../endpoints';
import type {
  CheckResults,
  DnsResult,
  HeadersResult,
  IpResult,
  LocaleResult,
  ProbeName,
  SecureDnsResult,
  Settings,
  WebRtcResult,
} from '../model';
import { PENDING } from '../model';
import type { ProbeDeps } from './deps';
import { AFTER_FIRST_REQUESTS_MS } from './later';
import { outerDeadlineMs, PROBES, type Probes, runCheck } from './run';

const settings: Settings = { ipv4: [], ipv6: [], dns: [], webrtc: [], securedns: [], headers: [], dnsNames: 6, deadlineMs: 1000 };
const deps: ProbeDeps = {
  registry: buildRegistry(null),
  gate: { get: () => Promise.reject(new Error('unused')), resolve: () => Promise.reject(new Error('unused')) },
  ledger: { record: () => {} },
  RTCPeerConnection: null,
  randomToken: () => 'token',
  now: () => 0,
  timeZone: () => 'UTC',
  languages: () => [],
};

const ip = (family: 4 | 6): IpResult => ({ family, observations: [], ip: null, disagreement: false, absent: true, meta: {} });
const RESULTS = {
  ipv4: ip(4),
  ipv6: ip(6),
  dns: { observations: [], resolvers: [], namesResolved: 0 } satisfies DnsResult,
  webrtc: { status: 'disabled', publicIps: [], localIps: [], mdnsMasked: 0, hostView: 'pages', observations: [] } satisfies WebRtcResult,
  securedns: { available: false, observations: [], isTRR: null, resolverIps: [] } satisfies SecureDnsResult,
  headers: { observations: [], headers: null } satisfies HeadersResult,
  locale: { timeZone: 'UTC', timeZoneCountries: [], languages: [] } satisfies LocaleResult,
};
const NAMES = Object.keys(RESULTS) as ProbeName[];

/** Fake probes that finish when the test says so, recording when they started. */
function controlled() {
  const started: ProbeName[] = [];
  const finish = new Map<ProbeName, (outcome: 'done' | Error) => void>();
  const make =
    <K extends ProbeName>(name: K) =>
    () => {
      started.push(name);
      return new Promise<(typeof RESULTS)[K]>((resolve, reject) => {
        finish.set(name, (outcome) => (outcome === 'done' ? resolve(RESULTS[name]) : reject(outcome)));
      });
    };
  const probes: Probes = {
    ipv4: make('ipv4'),
    ipv6: make('ipv6'),
    dns: make('dns'),
    webrtc: make('webrtc'),
    securedns: make('securedns'),
    headers: make('headers'),
    locale: make('locale'),
  };
  const end = (name: ProbeName, outcome: 'done' | Error = 'done') => finish.get(name)?.(outcome);
  return { probes, started, end };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const states = (r: CheckResults) => NAMES.map((name) => r[name].state);

afterEach(() => {
  vi.useRealTimers();
});

describe('runCheck', () => {
  it("hands every probe the run's abort signal", async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const probe =
      <K extends ProbeName>(name: K) =>
      (_d: ProbeDeps, _s: Settings, signal?: AbortSignal) => {
        seen.push(signal);
        return RESULTS[name];
      };
    const probes: Probes = {
      ipv4: probe('ipv4'),
      ipv6: probe('ipv6'),
      dns: probe('dns'),
      webrtc: probe('webrtc'),
      securedns: probe('securedns'),
      headers: probe('headers'),
      locale: probe('locale'),
    };
    const controller = new AbortController();
    await runCheck(deps, settings, () => undefined, probes, controller.signal);
    expect(seen).toHaveLength(7);
    expect(seen.every((s) => s === controller.signal)).toBe(true);
  });

  it('starts every probe before any finishes, and reports each as it finishes', async () => {
    const { probes, started, end } = controlled();
    const updates: CheckResults[] = [];
    const run = runCheck(deps, settings, (r) => updates.push(r), probes);
    expect(started).toEqual(NAMES);
    expect(updates).toEqual([]);

    for (const name of ['webrtc', 'ipv4', 'locale', 'dns', 'securedns', 'headers', 'ipv6'] as const) {
      end(name);
      await flush();
      expect(updates.at(-1)?.[name].state).toBe('done');
    }
    const final = await run;
    expect(updates.map(states)).toEqual([
      ['pending', 'pending', 'pending', 'done', 'pending', 'pending', 'pending'],
      ['done', 'pending', 'pending', 'done', 'pending', 'pending', 'pending'],
      ['done', 'pending', 'pending', 'done', 'pending', 'pending', 'done'],
      ['done', 'pending', 'done', 'done', 'pending', 'pending', 'done'],
      ['done', 'pending', 'done', 'done', 'done', 'pending', 'done'],
      ['done', 'pending', 'done', 'done', 'done', 'done', 'done'],
      ['done', 'done', 'done', 'done', 'done', 'done', 'done'],
    ]);
    expect(final).toBe(updates.at(-1));
    expect(final.webrtc).toEqual({ state: 'done', result: RESULTS.webrtc });
    // Each update is a new, frozen object: the popup can compare by reference.
    expect(new Set(updates).size).toBe(7);
    expect(updates.every(Object.isFrozen)).toBe(true);
    expect(PENDING.ipv4.state).toBe('pending');
  });

  it('streams provisional results as partial states, and none after the final one', async () => {
    const { probes, end } = controlled();
    let report: ((r: IpResult, answered: number, waiting: readonly string[]) => void) | undefined;
    const updates: CheckResults[] = [];
    const run = runCheck(deps, settings, (r) => updates.push(r), {
      ...probes,
      ipv4: (d, s, signal, onPartial) => {
        report = onPartial;
        return probes.ipv4(d, s, signal);
      },
    });
    const so = { ...ip(4), ip: '192.0.2.1', absent: false };
    report?.(so, 1, ['mullvad-ipv4', 'ipify-ipv4']);
    // Nothing still out is not provisional: dropped.
    report?.(so, 3, []);
    expect(updates.map((u) => u.ipv4)).toEqual([{ state: 'partial', result: so, answered: 1, waiting: ['mullvad-ipv4', 'ipify-ipv4'] }]);
    for (const name of NAMES) end(name);
    await run;
    report?.(so, 2, ['ipify-ipv4']);
    expect(updates.at(-1)?.ipv4).toEqual({ state: 'done', result: RESULTS.ipv4 });
    expect(updates.map((u) => u.ipv4.state).filter((st) => st === 'partial')).toHaveLength(1);
  });

  it('fails only the probe that throws or rejects', async () => {
    const { probes, end } = controlled();
    const throwing: Probes = {
      ...probes,
      locale: () => {
        throw new TypeError('boom');
      },
    };
    const run = runCheck(deps, settings, () => {}, throwing);
    end('dns', new RangeError('bad'));
    for (const name of ['ipv4', 'ipv6', 'webrtc', 'securedns', 'headers'] as const) end(name);
    const final = await run;
    expect(final.locale).toEqual({ state: 'failed', problem: { code: 'internal', detail: 'TypeError' } });
    expect(final.dns).toEqual({ state: 'failed', problem: { code: 'internal', detail: 'RangeError' } });
    expect(states(final).filter((s) => s === 'done')).toHaveLength(5);
  });

  it('cuts a probe that hangs at the outer deadline, without holding the others', async () => {
    vi.useFakeTimers();
    const { probes, end } = controlled();
    const updates: CheckResults[] = [];
    const run = runCheck(deps, settings, (r) => updates.push(r), probes);
    for (const name of NAMES) if (name !== 'webrtc') end(name);
    await vi.advanceTimersByTimeAsync(0);
    expect(updates).toHaveLength(6);
    expect(updates.at(-1)?.webrtc.state).toBe('pending');

    await vi.advanceTimersByTimeAsync(outerDeadlineMs(settings) - 1);
    expect(updates).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    const final = await run;
    expect(final.webrtc).toEqual({ state: 'failed', problem: { code: 'timeout' } });

    end('webrtc'); // Too late: the answer no longer changes anything.
    await vi.advanceTimersByTimeAsync(0);
    expect(updates).toHaveLength(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps going when onUpdate throws', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { probes, end } = controlled();
    const run = runCheck(
      deps,
      settings,
      () => {
        throw new Error('view broke');
      },
      probes,
    );
    for (const name of NAMES) end(name);
    expect(states(await run)).toEqual(NAMES.map(() => 'done'));
    expect(error).toHaveBeenCalledTimes(7);
    error.mockRestore();
  });

  it('takes the time of the slowest probe, not the sum', async () => {
    vi.useFakeTimers();
    const delay =
      (ms: number) =>
      <T>(value: T) =>
      () =>
        new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
    const probes: Probes = {
      ipv4: delay(300)(RESULTS.ipv4),
      ipv6: delay(500)(RESULTS.ipv6),
      dns: delay(400)(RESULTS.dns),
      webrtc: delay(200)(RESULTS.webrtc),
      securedns: delay(100)(RESULTS.securedns),
      headers: delay(100)(RESULTS.headers),
      locale: () => RESULTS.locale,
    };
    let finished = false;
    const run = runCheck(deps, settings, () => {}, probes).then((r) => {
      finished = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(finished).toBe(true);
    expect(states(await run).every((s) => s === 'done')).toBe(true);
  });
});

describe('the locale probe', () => {
  it('reads the clock and languages only after 25 ms, so the first requests leave before it', async () => {
    vi.useFakeTimers();
    const timeZone = vi.fn(() => 'Europe/Berlin');
    const localeDeps = { ...deps, timeZone, languages: () => ['de-DE'] };
    let result: unknown = null;
    void Promise.resolve(PROBES.locale(localeDeps, settings)).then((r) => {
      result = r;
    });
    await vi.advanceTimersByTimeAsync(24);
    expect(timeZone).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(AFTER_FIRST_REQUESTS_MS).toBe(25);
    expect(result).toEqual({ timeZone: 'Europe/Berlin', timeZoneCountries: ['DE'], languages: ['de-DE'] });
    vi.useRealTimers();
  });
});

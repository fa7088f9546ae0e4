import { type Endpoint, endpointById } from '../../endpoints';
import type { DnsResult, Observation, Outcome, Resolver, Settings } from '../../model';
import { problem } from '../../model';
import type { OnPartial, ProbeDeps } from '../deps';
import { runBashws } from './bashws';
import { checkDnssec } from './dnssec';
import { toResolvers } from './found';
import { runLeaklessDns } from './leakless';
import type { DnsContext, ProviderRun } from './lookups';
import { mergeResolvers } from './merge';
import { runMullvadDns } from './mullvad';

type Runner = (ctx: DnsContext, endpoint: Endpoint) => Promise<ProviderRun>;

/** Settings name a DNS provider by its result endpoint. */
const RUNNERS: Readonly<Record<string, Runner>> = {
  'leakless-dns': runLeaklessDns,
  'mullvad-dns': runMullvadDns,
  'bashws-result': runBashws,
};

const DEFAULT_NAMES = 6;
const MAX_NAMES = 64;

function namesOf(settings: Settings): number {
  const n = settings.dnsNames;
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_NAMES) : DEFAULT_NAMES;
}

async function observe(ctx: DnsContext, endpoint: Endpoint, run: Runner) {
  const start = ctx.deps.now();
  let outcome: Outcome<readonly Resolver[]>;
  let namesResolved = 0;
  try {
    const result = await run(ctx, endpoint);
    namesResolved = result.namesResolved;
    outcome = result.outcome.ok ? { ok: true, value: toResolvers(result.outcome.value, endpoint.id) } : result.outcome;
  } catch {
    outcome = { ok: false, problem: problem('internal') };
  }
  const observation: Observation<readonly Resolver[]> = { endpointId: endpoint.id, outcome, ms: Math.max(0, ctx.deps.now() - start) };
  return { observation, namesResolved };
}

/**
 * Every enabled DNS provider at once, each resolving its own fresh names. Never throws. Each provider's
 * resolvers are reported through `onPartial` as soon as it finishes, merged with the ones before it.
 */
export async function probeDns(
  deps: ProbeDeps,
  settings: Settings,
  signal?: AbortSignal,
  onPartial?: OnPartial<DnsResult>,
): Promise<DnsResult> {
  const ctx: DnsContext = { deps, names: namesOf(settings), deadlineMs: settings.deadlineMs, signal };
  const planned: [Endpoint, Runner][] = [];
  for (const id of Array.isArray(settings.dns) ? new Set(settings.dns) : []) {
    const endpoint = typeof id === 'string' ? endpointById(deps.registry, id) : undefined;
    const run = endpoint && Object.hasOwn(RUNNERS, endpoint.id) ? RUNNERS[endpoint.id] : undefined;
    if (endpoint && run && endpoint.probe === 'dns') planned.push([endpoint, run]);
  }
  // Only with our own server's DNS check enabled: it alone serves the two names.
  const dnssec = planned.some(([e]) => e.provider === 'leakless') ? checkDnssec(ctx) : Promise.resolve(undefined);
  const arrived: (Run | undefined)[] = planned.map(() => undefined);
  const runs = await Promise.all(
    planned.map(async ([endpoint, run], i) => {
      const done = await observe(ctx, endpoint, run);
      arrived[i] = done;
      const waiting = planned.filter((_, j) => arrived[j] === undefined).map(([e]) => e.id);
      if (onPartial && waiting.length > 0) {
        // The resolvers so far; a multi-step provider (bash.ws) merges its own when they come.
        const so = resultOf(arrived.filter((r): r is Run => r !== undefined));
        if (so.resolvers.length > 0) onPartial(so, planned.length - waiting.length, waiting);
      }
      return done;
    }),
  );
  const checked = await dnssec;
  return checked ? { ...resultOf(runs), dnssec: checked } : resultOf(runs);
}

type Run = Awaited<ReturnType<typeof observe>>;

function resultOf(runs: readonly Run[]): DnsResult {
  const observations = runs.map((r) => r.observation);
  return {
    observations,
    resolvers: mergeResolvers(observations),
    namesResolved: runs.reduce((n, r) => n + r.namesResolved, 0),
  };
}

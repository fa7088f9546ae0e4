import { browser } from '../ext/browser';
import { SESSION_KEYS } from '../ext/storage-keys';
import { MESSAGE_TYPES } from '../model';
import { readLedger } from './ledger-store';
import { browserTarget, sessionArea } from './platform';
import type { SessionArea } from './session-list';
import type { AuditInputs, BrowserTarget, Observation, RunningManifest } from './types';

interface KeyedArea {
  get(keys: null): Promise<Record<string, unknown>>;
}

/** The browser APIs collect() reads; tests pass fakes. */
export interface CollectApi {
  readonly session: SessionArea | null;
  readonly local: KeyedArea | null;
  readonly sync: KeyedArea | null;
  readonly target: BrowserTarget;
  getManifest(): RunningManifest;
  sendMessage(message: { type: string }): Promise<unknown>;
}

const BACKGROUND_WAIT_MS = 1500;

export function browserCollectApi(): CollectApi {
  const storage = (browser as { storage?: { local?: KeyedArea; sync?: KeyedArea } }).storage;
  return {
    session: sessionArea(),
    local: storage?.local ?? null,
    sync: storage?.sync ?? null,
    target: browserTarget(),
    getManifest: () => browser.runtime.getManifest() as RunningManifest,
    sendMessage: (message) => browser.runtime.sendMessage(message),
  };
}

async function keysOf(area: KeyedArea | null): Promise<string[]> {
  if (!area) return [];
  try {
    return Object.keys(await area.get(null)).sort();
  } catch {
    return [];
  }
}

const isObservation = (v: unknown): v is Observation =>
  typeof v === 'object' && v !== null && ((v as Observation).kind === 'violation' || (v as Observation).kind === 'resource');

/** The background's live buffer; an asleep, missing or silent background just adds nothing. */
async function askBackground(api: CollectApi): Promise<Observation[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<unknown>((resolve) => {
    timer = setTimeout(() => resolve(null), BACKGROUND_WAIT_MS);
  });
  try {
    const answer = await Promise.race([api.sendMessage({ type: MESSAGE_TYPES.observed }), silence]);
    return Array.isArray(answer) ? answer.filter(isObservation) : [];
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/** One observation may come from storage and from the background's buffer: keep it once. */
function dedupe(observations: readonly Observation[]): Observation[] {
  const seen = new Map<string, Observation>();
  for (const o of observations) {
    const where = o.kind === 'violation' ? `${o.blockedURI} ${o.violatedDirective}` : `${o.url} ${o.initiatorType}`;
    seen.set(`${o.kind} ${o.context} ${o.time} ${where}`, o);
  }
  return [...seen.values()].sort((a, b) => a.time - b.time);
}

/** Everything the audit judges, read in the audit page (or the popup, for the one-line summary). */
export async function collect(api: CollectApi = browserCollectApi(), own: readonly Observation[] = []): Promise<AuditInputs> {
  // The background answers once its ledger is in storage: ask first, read after, or a request it made a
  // moment ago would look unlogged.
  const background = await askBackground(api);
  let session: Record<string, unknown> = {};
  try {
    session = (await api.session?.get(null)) ?? {};
  } catch {
    // No session storage: only this page's own and the background's live observations remain.
  }
  const stored = Object.entries(session)
    .filter(([key]) => key.startsWith(SESSION_KEYS.observedPrefix))
    .flatMap(([, value]) => (Array.isArray(value) ? value.filter(isObservation) : []));
  const [ledger, local, sync] = await Promise.all([readLedger(api.session), keysOf(api.local), keysOf(api.sync)]);
  let manifest: RunningManifest = {};
  try {
    manifest = api.getManifest();
  } catch {
    // An empty manifest fails every manifest check, which is the honest answer if we cannot read it.
  }
  return {
    ledger,
    observations: dedupe([...stored, ...background, ...own]),
    manifest,
    target: api.target,
    stored: { local, session: Object.keys(session).sort(), sync },
  };
}

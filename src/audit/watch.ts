import { AUDIT_LIMIT } from './session-list';
import type { AuditContext, Observation, ObservationSink } from './types';

/** A `securitypolicyviolation` event, as far as the audit reads it. */
interface ViolationEventLike {
  readonly blockedURI?: string;
  readonly violatedDirective?: string;
  readonly effectiveDirective?: string;
  readonly sourceFile?: string;
}

export interface ResourceEntryLike {
  readonly name: string;
  readonly startTime: number;
  readonly initiatorType?: string;
}

export interface ObserverLike {
  observe(options: { type: string; buffered?: boolean }): void;
  disconnect(): void;
}

export type ObserverConstructor = new (callback: (list: { getEntries(): readonly ResourceEntryLike[] }) => void) => ObserverLike;

/** What watchContext needs from its global scope; tests pass fakes. */
export interface WatchEnv {
  readonly target: {
    addEventListener(type: string, listener: (event: Event) => void): void;
    removeEventListener(type: string, listener: (event: Event) => void): void;
  };
  /** The extension's own origin (location.origin): its own pages, scripts and styles are not reported. */
  readonly origin: string;
  readonly timeOrigin: number;
  readonly now: () => number;
  readonly PerformanceObserver: ObserverConstructor | null;
}

export interface Watcher {
  /** What this context saw since it started, newest last (bounded). */
  observed(): Observation[];
  stop(): void;
}

/** Whether a resource URL points anywhere but the extension itself (data: and about: load nothing). */
export function isForeign(url: string, origin: string): boolean {
  if (/^(data|about):/i.test(url)) return false;
  const bare = url.replace(/^blob:/i, '');
  return !(bare === origin || bare.startsWith(`${origin}/`));
}

export function globalWatchEnv(): WatchEnv {
  const scope = globalThis;
  return {
    target: scope,
    origin: scope.location?.origin ?? '',
    timeOrigin: scope.performance?.timeOrigin ?? Date.now(),
    now: Date.now,
    PerformanceObserver: typeof scope.PerformanceObserver === 'function' ? scope.PerformanceObserver : null,
  };
}

/**
 * Watches one extension context for the two things only the browser can tell us: requests our CSP
 * refused (a blocked attempt never shows up anywhere else) and resources loaded from outside the extension.
 */
export function watchContext(context: AuditContext, sink: ObservationSink, env: WatchEnv = globalWatchEnv()): Watcher {
  const seen: Observation[] = [];
  const keep = (observation: Observation): void => {
    seen.push(observation);
    if (seen.length > AUDIT_LIMIT) seen.splice(0, seen.length - AUDIT_LIMIT);
    try {
      sink.record(observation);
    } catch (error) {
      console.warn('leakless audit: sink failed', error);
    }
  };

  const onViolation = (event: Event): void => {
    const e = event as Event & ViolationEventLike;
    keep({
      kind: 'violation',
      time: env.now(),
      context,
      blockedURI: String(e.blockedURI ?? ''),
      violatedDirective: String(e.effectiveDirective || e.violatedDirective || ''),
      ...(e.sourceFile ? { sourceFile: String(e.sourceFile) } : {}),
    });
  };
  env.target.addEventListener('securitypolicyviolation', onViolation);

  let observer: ObserverLike | null = null;
  if (env.PerformanceObserver) {
    try {
      observer = new env.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (!isForeign(entry.name, env.origin)) continue;
          const time = Math.round(env.timeOrigin + entry.startTime);
          keep({ kind: 'resource', time, context, url: entry.name, initiatorType: entry.initiatorType ?? 'other' });
        }
      });
      // buffered: what loaded before this script ran counts too.
      observer.observe({ type: 'resource', buffered: true });
    } catch (error) {
      console.warn('leakless audit: no resource timing here', error);
      observer = null;
    }
  }

  return {
    observed: () => seen.slice(),
    stop() {
      env.target.removeEventListener('securitypolicyviolation', onViolation);
      observer?.disconnect();
    },
  };
}

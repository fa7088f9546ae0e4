import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AuditSummary, CheckResults, Settings, Verdict } from '../model';
import { DNS_NAME_COUNTS, failPending, isSettled, PENDING, resultSoFar } from '../model';
import { useEnv } from '../ui/env';
import { AuditLine } from './AuditLine';
import { Banner } from './Banner';
import { DnsBody, HeadersBody, LocaleBody, SecureDnsBody, WebRtcBody } from './bodies';
import { Controls, type CopyStatus } from './Controls';
import { IpBody } from './IpBody';
import { reportJson, reportText } from './report';
import { verdictFor } from './results';
import { Section } from './Section';

/** Everything the popup needs from the browser and the engine; check.ts provides the real ones. */
export interface PopupServices {
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** The remembered result, or null (remembering off, nothing stored, or corrupt). */
  loadLast(): Promise<CheckResults | null>;
  saveLast(results: CheckResults): Promise<void>;
  /** null: the run the popup started before its UI (see check.ts), whose settings the background read. */
  run(settings: Settings | null, onUpdate: (results: CheckResults) => void): Promise<CheckResults>;
  decide(results: CheckResults): Verdict;
  copy(text: string): Promise<void>;
  openOptions(): void;
  readonly auditUrl: string;
  /** The self-audit's one-line summary, read after each check. */
  auditSummary?(): Promise<AuditSummary>;
  now(): number;
  /** True while monitoring is off: the popup then offers it (the switch itself is in the options). */
  monitorOff?(): Promise<boolean>;
}

export function Popup({ services, auditSummary }: { services: PopupServices; auditSummary?: AuditSummary | null }) {
  const env = useEnv();
  const { t } = env;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [results, setResults] = useState<CheckResults>(PENDING);
  const [last, setLast] = useState<CheckResults | null>(null);
  const [running, setRunning] = useState(true);
  const [copyStatus, setCopyStatus] = useState<CopyStatus>('');
  const [checkedAt, setCheckedAt] = useState(0);
  const [audit, setAudit] = useState<AuditSummary | null>(auditSummary ?? null);
  const [offer, setOffer] = useState(false);
  // A re-run supersedes the run before it: late updates of an older run are dropped.
  const generation = useRef(0);

  async function start(current: Settings | null) {
    const run = ++generation.current;
    setRunning(true);
    setResults(PENDING);
    setCheckedAt(services.now());
    let final: CheckResults;
    try {
      final = await services.run(current, (update) => run === generation.current && setResults(update));
    } catch {
      final = failPending(PENDING);
    }
    if (run !== generation.current) return;
    final = failPending(final);
    setResults(final);
    setRunning(false);
    services.auditSummary?.().then(setAudit, () => undefined);
    await services.saveLast(final).catch(() => undefined);
  }

  useEffect(() => {
    // The first check is already running (started before the UI): its results need no storage read first.
    void start(null);
    services.monitorOff?.().then(setOffer, () => undefined);
    void Promise.all([services.loadSettings(), services.loadLast()]).then(([loaded, remembered]) => {
      setSettings(loaded);
      setLast(remembered);
    });
  }, []);

  const verdict = useMemo(() => verdictFor(results, services.decide), [results]);
  const stale = running && last !== null;
  const staleOf = <K extends keyof CheckResults>(key: K) => (stale && last ? last[key] : undefined);
  const ipState = results.ipv4.state === 'pending' ? staleOf('ipv4') : results.ipv4;
  const ipCountry = ipState ? resultSoFar(ipState)?.meta.country : undefined;

  async function setExtended(on: boolean) {
    if (!settings) return;
    setSettings(await services.saveSettings({ ...settings, dnsNames: on ? DNS_NAME_COUNTS.extended : DNS_NAME_COUNTS.quick }));
  }

  async function copy(format: 'text' | 'json') {
    const text = format === 'json' ? reportJson(results, verdict, checkedAt) : reportText(env, results, verdict, checkedAt);
    try {
      await services.copy(text);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }

  return (
    <div class="popup">
      <header>
        <div class="top">
          <h1>{t('extName')}</h1>
          <button type="button" class="link" onClick={() => services.openOptions()}>
            {t('openOptions')}
          </button>
        </div>
        <Banner verdict={verdict} stale={stale} final={isSettled(results)} />
        {offer ? (
          <button type="button" class="link" data-testid="monitor-offer" onClick={() => services.openOptions()}>
            {t('popupMonitorOffer')}
          </button>
        ) : null}
      </header>
      <main>
        <Section name="ipv4" title={t('sectionIpv4')} state={results.ipv4} stale={staleOf('ipv4')} render={(r) => <IpBody result={r} />} />
        <Section name="ipv6" title={t('sectionIpv6')} state={results.ipv6} stale={staleOf('ipv6')} render={(r) => <IpBody result={r} />} />
        <Section name="dns" title={t('sectionDns')} state={results.dns} stale={staleOf('dns')} render={(r) => <DnsBody result={r} />} />
        <Section
          name="webrtc"
          title={t('sectionWebrtc')}
          state={results.webrtc}
          stale={staleOf('webrtc')}
          render={(r, provisional) => <WebRtcBody result={r} provisional={provisional} />}
        />
        <Section
          name="securedns"
          title={t('sectionSecuredns')}
          state={results.securedns}
          stale={staleOf('securedns')}
          render={(r) => <SecureDnsBody result={r} />}
        />
        <Section
          name="headers"
          title={t('sectionHeaders')}
          state={results.headers}
          stale={staleOf('headers')}
          render={(r) => <HeadersBody result={r} />}
        />
        <Section
          name="locale"
          title={t('sectionLocale')}
          state={results.locale}
          stale={staleOf('locale')}
          render={(r) => <LocaleBody result={r} ipCountry={ipCountry} />}
        />
        <AuditLine summary={audit} url={services.auditUrl} />
      </main>
      <Controls
        running={running || settings === null}
        extendedDns={settings?.dnsNames === DNS_NAME_COUNTS.extended}
        copyStatus={copyStatus}
        onRerun={() => settings && void start(settings)}
        onExtendedDns={(on) => void setExtended(on)}
        onCopy={(format) => void copy(format)}
      />
    </div>
  );
}

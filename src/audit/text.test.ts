import { beforeAll, describe, expect, it } from 'vitest';
import { loadMessages, messagesT } from '../i18n/test-messages';
import { describeFinding, optionalPermission, setAuditTranslate, summaryLine, TEXT, TEXT_KEYS } from './text';
import type { Finding } from './types';

const en = loadMessages('en');
const finding = (code: Finding['code'], params: Record<string, string> = {}): Finding => ({ code, params });

describe('audit text', () => {
  beforeAll(() => setAuditTranslate(messagesT('en')));

  it('reads every page text from the catalogue', () => {
    for (const [name, key] of Object.entries(TEXT_KEYS)) {
      expect(en[key]?.message, key).toBeTruthy();
      expect(TEXT[name as keyof typeof TEXT_KEYS]).toBe(en[key]?.message);
    }
    expect(TEXT.title).toBe('Leakless self-audit');
  });

  it('looks words up when read, so a new message source takes effect at once', () => {
    setAuditTranslate((key, ...subs) => [key, ...subs].join('|'));
    expect(TEXT.colHost).toBe('auditColHost');
    expect(summaryLine(true, 2, 0)).toBe('auditResultPass|2');
    setAuditTranslate(messagesT('en'));
    expect(TEXT.colHost).toBe('Host');
  });

  it('keeps the English summary lines', () => {
    expect(summaryLine(true, 1, 0)).toBe('Pass — 1 request, all to declared check endpoints');
    expect(summaryLine(true, 5, 0)).toBe('Pass — 5 requests, all to declared check endpoints');
    expect(summaryLine(false, 5, 1)).toBe('1 finding — see below');
    expect(summaryLine(false, 5, 3)).toBe('3 findings — see below');
    expect(optionalPermission('privacy')).toBe('privacy (optional)');
  });

  it('keeps the English findings, with technical values substituted untouched', () => {
    const url = 'https://x.example/a?b=$1';
    expect(describeFinding(finding('unlogged-resource', { context: 'popup', url, initiator: 'img' }))).toBe(
      `The browser reports a request from the popup to ${url} (img) that is not in the request ledger.`,
    );
    expect(describeFinding(finding('unlogged-resource', { context: 'worker', url, initiator: 'fetch' }))).toBe(
      `The browser reports a request from the worker context to ${url} (fetch) that is not in the request ledger.`,
    );
    expect(describeFinding(finding('undeclared-request', { url, endpointId: 'ipify-ipv4' }))).toBe(
      `A request to ${url} (as ipify-ipv4) matches no declared endpoint.`,
    );
    expect(describeFinding(finding('csp-violation', { context: 'options', url: '', directive: 'img-src' }))).toBe(
      'The browser blocked an attempt from the options page to reach an unknown address (img-src).',
    );
    expect(describeFinding(finding('csp-violation', { url, directive: 'connect-src' }))).toBe(
      `The browser blocked an attempt from the unknown context to reach ${url} (connect-src).`,
    );
    expect(describeFinding(finding('csp-violation', { context: 'audit', url, directive: 'connect-src' }))).toBe(
      `The browser blocked an attempt from this audit page to reach ${url} (connect-src).`,
    );
    expect(describeFinding(finding('host-permissions-drift', { extra: 'https://a/*', missing: '' }))).toBe(
      'Host permissions differ from the declared ones. Extra: https://a/*.',
    );
    expect(describeFinding(finding('host-permissions-drift', { extra: 'https://a/*', missing: 'https://b/*' }))).toBe(
      'Host permissions differ from the declared ones. Extra: https://a/*. Missing: https://b/*.',
    );
    expect(describeFinding(finding('csp-drift', { running: '' }))).toBe(
      'The content security policy differs from the declared one: (none)',
    );
    expect(describeFinding(finding('extra-permission', { permission: 'tabs', kind: 'required' }))).toBe(
      'An undeclared required permission: tabs.',
    );
    expect(describeFinding(finding('extra-permission', { permission: 'https://c/*', kind: 'optional host' }))).toBe(
      'An undeclared optional host permission: https://c/*.',
    );
    expect(describeFinding(finding('missing-permission', { permission: 'storage' }))).toBe('A declared permission is missing: storage.');
    expect(describeFinding(finding('content-scripts', { count: '2' }))).toBe(
      'The manifest declares content scripts (2); Leakless has none.',
    );
    expect(describeFinding(finding('sync-not-empty', { keys: 'uid, x' }))).toBe(
      'storage.sync holds data (uid, x); Leakless never syncs anything.',
    );
    expect(describeFinding(finding('unknown-local-key', { key: 'k' }))).toBe('storage.local holds an unknown key: k.');
    expect(describeFinding(finding('unknown-session-key', { key: 's' }))).toBe('storage.session holds an unknown key: s.');
  });

  it('describes every finding in every locale without leaving a key or a placeholder behind', () => {
    const codes: Finding['code'][] = [
      'unlogged-resource',
      'undeclared-request',
      'csp-violation',
      'host-permissions-drift',
      'csp-drift',
      'extra-permission',
      'missing-permission',
      'content-scripts',
      'sync-not-empty',
      'unknown-local-key',
      'unknown-session-key',
    ];
    const params = { context: 'popup', url: 'https://u.example/', initiator: 'img', endpointId: 'e', directive: 'img-src' };
    for (const locale of ['de', 'ja', 'ru']) {
      setAuditTranslate(messagesT(locale));
      for (const code of codes) {
        const text = describeFinding(finding(code, { ...params, kind: 'optional', permission: 'p', extra: 'x', missing: 'y' }));
        expect(text, `${locale} ${code}`).not.toMatch(/audit[A-Z]|\$/);
      }
    }
    setAuditTranslate(messagesT('en'));
  });
});

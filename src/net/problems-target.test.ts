import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../endpoints';
import { fetchErrorProblem } from './problems';
import { dnsTarget, httpsTarget } from './target';

describe('fetchErrorProblem', () => {
  it('an aborted request is a timeout, whatever was thrown', () => {
    expect(fetchErrorProblem(new TypeError('Failed to fetch'), true)).toEqual({ code: 'timeout' });
    expect(fetchErrorProblem(new DOMException('x', 'SecurityError'), true)).toEqual({ code: 'timeout' });
  });

  it('abort and timeout errors are timeouts, as Errors or DOMExceptions', () => {
    expect(fetchErrorProblem(new DOMException('x', 'AbortError'), false)).toEqual({ code: 'timeout' });
    expect(fetchErrorProblem(new DOMException('x', 'TimeoutError'), false)).toEqual({ code: 'timeout' });
    expect(fetchErrorProblem(Object.assign(new Error('x'), { name: 'AbortError' }), false)).toEqual({ code: 'timeout' });
  });

  it('security refusals are blocked, named', () => {
    expect(fetchErrorProblem(new DOMException('x', 'SecurityError'), false)).toEqual({ code: 'blocked', detail: 'SecurityError' });
    expect(fetchErrorProblem(Object.assign(new Error('x'), { name: 'NotAllowedError' }), false)).toEqual({
      code: 'blocked',
      detail: 'NotAllowedError',
    });
  });

  it('anything else is unreachable; a name on a non-error is not believed', () => {
    expect(fetchErrorProblem(new TypeError('NetworkError'), false)).toEqual({ code: 'unreachable' });
    expect(fetchErrorProblem({ name: 'AbortError' }, false)).toEqual({ code: 'unreachable' });
    expect(fetchErrorProblem({ name: 'SecurityError' }, false)).toEqual({ code: 'unreachable' });
    expect(fetchErrorProblem('AbortError', false)).toEqual({ code: 'unreachable' });
    expect(fetchErrorProblem(undefined, false)).toEqual({ code: 'unreachable' });
    expect(fetchErrorProblem(new Error(''), false)).toEqual({ code: 'unreachable' });
  });
});

const ep = (transport: Endpoint['transport'], url: string): Endpoint => ({
  id: 'e',
  provider: 'leakless',
  probe: 'dns',
  transport,
  url,
  carries: '',
});

describe('httpsTarget', () => {
  it('the declared URL and its host', () => {
    expect(httpsTarget(ep('https', 'https://{token}.a.example.org/dns'), { token: 'abc' })).toEqual({
      ok: true,
      value: { url: 'https://abc.a.example.org/dns', host: 'abc.a.example.org' },
    });
  });

  it('refuses, with a reason, what is not exactly a declared https URL', () => {
    expect(httpsTarget(ep('dns', 'https://a.example.org/'), {})).toEqual({ ok: false, problem: { code: 'internal', detail: 'not https' } });
    expect(httpsTarget(ep('https', 'https://{token}.a.example.org/'), { token: 'a.b' })).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'placeholder' },
    });
    expect(httpsTarget(ep('https', 'https://{token}.a.example.org/'), {})).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'placeholder' },
    });
    expect(httpsTarget(ep('https', 'http://a.example.org/'), {})).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'not https' },
    });
    expect(httpsTarget(ep('https', 'https://u@a.example.org/'), {})).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'not https' },
    });
    expect(httpsTarget(ep('https', 'https://:pw@a.example.org/'), {})).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'not https' },
    });
    expect(httpsTarget(ep('https', 'not a url'), {})).toEqual({ ok: false, problem: { code: 'internal', detail: 'bad url' } });
  });
});

describe('dnsTarget', () => {
  it('the host after dns:', () => {
    expect(dnsTarget(ep('dns', 'dns:{token}.whoami.example.org'), { token: 'x1' })).toEqual({
      ok: true,
      value: { url: 'dns:x1.whoami.example.org', host: 'x1.whoami.example.org' },
    });
    expect(dnsTarget(ep('dns', 'dns:a'), {})).toEqual({ ok: true, value: { url: 'dns:a', host: 'a' } });
  });

  it('refuses other transports, bad values, and hosts that are not host names', () => {
    expect(dnsTarget(ep('https', 'dns:a.example.org'), {})).toEqual({ ok: false, problem: { code: 'internal', detail: 'not dns' } });
    expect(dnsTarget(ep('dns', 'dns:{token}.example.org'), { token: '-' })).toEqual({
      ok: false,
      problem: { code: 'internal', detail: 'placeholder' },
    });
    for (const url of [
      'dnsx:a.example.org',
      'abcda.example.org',
      'https://a.example.org',
      'dns:',
      'dns:-a.example.org',
      'dns:a.example.org-',
      'dns:a_b.org',
      'dns:a b',
    ]) {
      expect(dnsTarget(ep('dns', url), {}), url).toEqual({ ok: false, problem: { code: 'internal', detail: 'bad host' } });
    }
    expect(dnsTarget(ep('dns', `dns:${'a'.repeat(253)}`), {})).toMatchObject({ ok: true });
    expect(dnsTarget(ep('dns', `dns:${'a'.repeat(254)}`), {})).toEqual({ ok: false, problem: { code: 'internal', detail: 'bad host' } });
  });
});

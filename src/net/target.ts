import { type Endpoint, expand, matchesUrl } from '../endpoints';
import type { Outcome } from '../model';
import { fail, ok } from '../model';

export interface Target {
  readonly url: string;
  readonly host: string;
}

/** The registry's URL with the values filled in, refused unless it is exactly one the endpoint declares. */
function declaredUrl(endpoint: Endpoint, values: Readonly<Record<string, string>>): Outcome<string> {
  let url: string;
  try {
    url = expand(endpoint, values);
  } catch {
    return fail('internal', 'placeholder');
  }
  return matchesUrl(endpoint, url) ? ok(url) : fail('internal', 'undeclared url');
}

export function httpsTarget(endpoint: Endpoint, values: Readonly<Record<string, string>>): Outcome<Target> {
  if (endpoint.transport !== 'https') return fail('internal', 'not https');
  const url = declaredUrl(endpoint, values);
  if (!url.ok) return url;
  let parsed: URL;
  try {
    parsed = new URL(url.value);
  } catch {
    return fail('internal', 'bad url');
  }
  // Credentials in a URL would be sent to the host: never part of a declared endpoint.
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return fail('internal', 'not https');
  return ok({ url: url.value, host: parsed.hostname });
}

const HOST = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/i;

export function dnsTarget(endpoint: Endpoint, values: Readonly<Record<string, string>>): Outcome<Target> {
  if (endpoint.transport !== 'dns') return fail('internal', 'not dns');
  const url = declaredUrl(endpoint, values);
  if (!url.ok) return url;
  const host = url.value.startsWith('dns:') ? url.value.slice(4) : '';
  return HOST.test(host) ? ok({ url: url.value, host }) : fail('internal', 'bad host');
}

import type { Endpoint } from './types';

const PLACEHOLDER = /\{([a-z]+)\}/g;
/** A filled placeholder: one lowercase DNS label or path segment, so a value can never add a host or a path. */
const VALUE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The endpoint's URL with its placeholders filled; throws on a value that is not a single label. */
export function expand(endpoint: Endpoint, values: Readonly<Record<string, string>> = {}): string {
  return endpoint.url.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined || !VALUE.test(value)) throw new Error(`endpoint ${endpoint.id}: bad value for {${name}}`);
    return value;
  });
}

/** Whether a concrete URL is one this endpoint may be asked at. */
export function matchesUrl(endpoint: Endpoint, url: string): boolean {
  const pattern = endpoint.url
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?' : escapeRegExp(part)))
    .join('');
  return new RegExp(`^${pattern}$`, 'i').test(url);
}

/** The host part of an https endpoint as a match-pattern host: leading placeholder labels become `*.`. */
export function hostPattern(endpoint: Endpoint): string | null {
  if (endpoint.transport !== 'https') return null;
  const host = endpoint.url.replace(/^https:\/\//, '').split('/')[0] ?? '';
  const labels = host.split('.');
  const fixed = labels.findIndex((label) => !label.includes('{'));
  if (labels.slice(fixed).some((label) => label.includes('{'))) {
    throw new Error(`endpoint ${endpoint.id}: placeholders may only lead the host`);
  }
  return fixed === 0 ? host : `*.${labels.slice(fixed).join('.')}`;
}

/** Every distinct https host pattern, sorted so derived files are stable. */
export function hostPatterns(endpoints: readonly Endpoint[]): string[] {
  const hosts = endpoints.map(hostPattern).filter((h): h is string => h !== null);
  return [...new Set(hosts)].sort();
}

/** The host an endpoint's transport contacts (for STUN and DNS endpoints too), as written in the registry. */
export function endpointHost(endpoint: Endpoint): string {
  const rest = endpoint.url.replace(/^[a-z]+:(\/\/)?/, '');
  return (rest.split(/[/?]/)[0] ?? '').replace(/:\d+$/, '');
}

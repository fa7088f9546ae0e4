// Analytics, telemetry and crash-reporting packages: none may appear anywhere in package-lock.json.
// `*` matches any run of characters; a scope pattern like `@sentry/*` covers the whole scope.
export const TELEMETRY_PACKAGES: readonly string[] = [
  '@sentry/*',
  'sentry',
  'raven',
  'raven-js',
  'posthog-js',
  'posthog-node',
  'mixpanel*',
  'amplitude*',
  '@amplitude/*',
  '@segment/*',
  'analytics-node',
  'react-ga',
  'react-ga4',
  'ga-4-react',
  'gtag',
  'gtag.js',
  '@google-analytics/*',
  'universal-analytics',
  'bugsnag*',
  '@bugsnag/*',
  '@datadog/*',
  'dd-trace',
  'logrocket*',
  'rollbar',
  'newrelic',
  '@newrelic/*',
  'hotjar',
  '@hotjar/*',
  'fullstory',
  '@fullstory/*',
  'heap-api',
  'smartlook*',
  'raygun*',
  'trackjs',
  'honeybadger*',
  '@honeybadger-io/*',
  'appsignal',
  '@appsignal/*',
  'elastic-apm*',
  'matomo*',
  'plausible*',
  'umami*',
  '@vercel/analytics',
  '@vercel/speed-insights',
  '@statsig/*',
  'statsig*',
  'launchdarkly*',
  '@launchdarkly/*',
  '@opentelemetry/*',
  'applicationinsights',
  '@microsoft/applicationinsights-*',
  'firebase',
  '@firebase/analytics*',
];

function toRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\/]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The pattern a package name matches, or null. */
export function telemetryMatch(name: string, patterns: readonly string[] = TELEMETRY_PACKAGES): string | null {
  return patterns.find((p) => toRegExp(p).test(name)) ?? null;
}

import { optionalPermission, TEXT } from './text';
import type { Finding, RunningManifest, StoredKeys } from './types';

const MANIFEST_CODES: ReadonlySet<Finding['code']> = new Set([
  'host-permissions-drift',
  'csp-drift',
  'extra-permission',
  'missing-permission',
  'content-scripts',
]);

function Keys({ keys }: { keys: readonly string[] }) {
  return keys.length === 0 ? <span>{TEXT.storageNone}</span> : <code>{keys.join(', ')}</code>;
}

export function StoragePanel({ stored }: { stored: StoredKeys }) {
  return (
    <section aria-labelledby="h-storage">
      <h2 id="h-storage">{TEXT.storageHeading}</h2>
      <dl>
        <dt>{TEXT.storageLocal}</dt>
        <dd>
          <Keys keys={stored.local} />
        </dd>
        <dt>{TEXT.storageSession}</dt>
        <dd>
          <Keys keys={stored.session} />
        </dd>
        <dt>{TEXT.storageSync}</dt>
        <dd>
          <Keys keys={stored.sync} />
        </dd>
      </dl>
    </section>
  );
}

function cspOf(manifest: RunningManifest): string {
  const csp = manifest.content_security_policy;
  const pages = typeof csp === 'object' && csp !== null ? (csp as { extension_pages?: unknown }).extension_pages : undefined;
  return typeof pages === 'string' ? pages : '';
}

export function ManifestPanel({ manifest, findings }: { manifest: RunningManifest; findings: readonly Finding[] }) {
  const drift = findings.some((f) => MANIFEST_CODES.has(f.code));
  return (
    <section aria-labelledby="h-manifest">
      <h2 id="h-manifest">{TEXT.manifestHeading}</h2>
      <p class={drift ? 'bad' : 'good'}>{drift ? TEXT.manifestBad : TEXT.manifestOk}</p>
      <dl>
        <dt>{TEXT.permissions}</dt>
        <dd>
          <Keys keys={[...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? []).map(optionalPermission)]} />
        </dd>
        <dt>{TEXT.hostPermissions}</dt>
        <dd>
          <ul>
            {(manifest.host_permissions ?? []).map((h) => (
              <li key={h}>
                <code>{h}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{TEXT.csp}</dt>
        <dd>
          <code class="csp">{cspOf(manifest)}</code>
        </dd>
      </dl>
    </section>
  );
}

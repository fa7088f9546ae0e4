import { render } from 'preact';
import { registry } from '../endpoints';
import { Audit, type AuditServices } from './Audit';
import { collect } from './collect';
import { installedDigest } from './digest';
import { evaluate } from './evaluate';
import { auditJson, exportJson } from './export';
import { installAudit } from './install';

// First: this page is watched like every other extension context.
const watcher = installAudit('audit');

const services: AuditServices = {
  async load() {
    const inputs = await collect(undefined, watcher.observed());
    return { inputs, report: evaluate(inputs, registry) };
  },
  exportRun: ({ inputs, report }) => exportJson(auditJson(inputs, report, Date.now()), 'leakless-audit.json'),
  // The extension's own files, from its own origin (connect-src 'self'): nothing leaves the browser.
  digest: () =>
    installedDigest(async (path) => {
      const res = await fetch(`/${path}`);
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    }),
};

const root = document.getElementById('app');
if (root) render(<Audit services={services} />, root);

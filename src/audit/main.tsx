import { render } from 'preact';
import { registry } from '../endpoints';
import { Audit, type AuditServices } from './Audit';
import { collect } from './collect';
import { installedDigest } from './digest';
import { evaluate } from './evaluate';
import { auditJson, exportJson } from './export';
import { installAudit } from './install';
import { readOwnFile } from './own-files';

// First: this page is watched like every other extension context.
const watcher = installAudit('audit');

const services: AuditServices = {
  async load() {
    const inputs = await collect(undefined, watcher.observed());
    return { inputs, report: evaluate(inputs, registry) };
  },
  exportRun: ({ inputs, report }) => exportJson(auditJson(inputs, report, Date.now()), 'leakless-audit.json'),
  digest: () => installedDigest(readOwnFile),
};

const root = document.getElementById('app');
if (root) render(<Audit services={services} />, root);

import { observedKey } from '../ext/storage-keys';
import { sessionArea } from './platform';
import { AUDIT_LIMIT, BACKGROUND_GATHER_MS, boundedList } from './session-list';
import type { AuditContext, Observation } from './types';
import { type Watcher, watchContext } from './watch';

/** Call first thing in every extension context: what it sees goes to storage.session for the audit page. */
export function installAudit(context: AuditContext): Watcher {
  const gatherMs = context === 'background' ? BACKGROUND_GATHER_MS : 0;
  const list = boundedList<Observation>(sessionArea(), observedKey(context), AUDIT_LIMIT, gatherMs);
  return watchContext(context, { record: (observation) => void list.append(observation) });
}

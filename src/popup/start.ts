// The popup's first script: the self-audit's watch, then the check, then the UI. The UI's code (preact, the
// sections, the verdict's words) is loaded only after the check's first message has left.
import { installAudit } from '../audit/install';
import { startPageClock } from '../test-support/page-clock';
import { startEarlyCheck } from './early';

startPageClock();
// First, so the self-audit sees every resource and every blocked attempt of this page.
installAudit('popup');
export const started = startEarlyCheck();
void import('./main');

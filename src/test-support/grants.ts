// TEST BUILDS ONLY: the optional permissions a test build lists as required (src/manifest/derive.ts
// testGrants), so the self-audit expects them there; none in a release build (__LEAKLESS_TEST__ is false).
import { MONITOR_PERMISSIONS } from '../model/monitor';

declare const __LEAKLESS_TEST__: boolean;

export const TEST_GRANTS: readonly string[] = typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__ ? MONITOR_PERMISSIONS : [];

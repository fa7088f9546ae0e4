// The unit tests as Stryker runs them. Left out: the memory budget test, because it weighs the instrumented
// code (every mutant's switch and coverage counter), not the code that ships; and the suites that start a
// real server, resolver or the packaged databases in beforeAll, whose coverage Stryker cannot tie to a test
// ("static"), so each mutant of the DNS and IP-data modules would rerun them all (about 2 h for answer.ts
// alone at concurrency 1). The scores in reports/mutation-summary.md were measured this way: lower bounds.
// The Redis store suite stays: the store's own modules need it, and it is quick.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

const STARTS_SERVERS = [
  'fuzz',
  'hardening',
  'http',
  'https',
  'multinode',
  'process',
  'dns/dnsmasq',
  'dns/live',
  'dns/validators',
  'ipdata/http-operators',
  'ipdata/packaged',
  'stun/live',
];

export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: [...configDefaults.exclude, 'server/budget.test.ts', ...STARTS_SERVERS.map((s) => `server/${s}.test.ts`)] },
  }),
);

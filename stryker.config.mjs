// Mutation testing over the pure logic (`npm run mutate`). Incremental: only mutants in code or tests changed
// since the committed state file (reports/stryker-incremental.json) are run again.
// The typescript-checker is not used: TypeScript 7's native compiler has no JavaScript API for it to call.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // The sandbox needs no tsconfig rewrite (no extends or references), and that rewrite calls TypeScript's JS API.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10_000,
  mutate: [
    'src/model/{address,collections,problem}.ts',
    'src/endpoints/{patterns,registry}.ts',
    'src/net/*.ts',
    'src/probes/ip/{combine,meta,cloudflare,ipify,mullvad,leakless,parse-json,countries}.ts',
    'src/probes/dns/{merge,bashws,mullvad,leakless,found,dnssec}.ts',
    'src/probes/headers/{addresses,parse}.ts',
    'src/probes/webrtc/known.ts',
    'src/verdict/*.ts',
    'src/audit/{evaluate,manifest-check,session-list}.ts',
    'src/manifest/derive.ts',
    // The tools' own arithmetic: the committed score table and the CPU breakdown the README cites.
    'scripts/mutation-summary.ts',
    'bench/trace-cpu.ts',
    // The token store is now server/store/memory.ts with its admission rules (server/admission.ts, results.ts).
    'server/{admission,results,secret,conncap,ratelimit,clientip}.ts',
    'server/store/{memory,rules}.ts',
    'server/dns/{answer,records,decision,wire}.ts',
    'server/dns/dnssec/{denial,secure,sign}.ts',
    'server/ipdata/asn-table.ts',
    'server/stun/codec.ts',
    '!**/*.test.ts',
    '!**/testing/**',
    '!**/fixtures.ts',
    // Types only, and the verdict tests' row builders: nothing to mutate that a product test could catch.
    '!src/net/types.ts',
    '!src/verdict/verdict-rows.ts',
    '!**/index.ts',
  ],
};

import { defineConfig } from 'vitest/config';

// End-to-end tests: real browsers in the sealed network (scripts/sandbox.sh), one file at a time (2 cores).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});

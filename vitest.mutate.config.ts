// The unit tests as Stryker runs them: the memory budget test is left out, because it weighs the
// instrumented code (every mutant's switch and coverage counter), not the code that ships.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, 'server/budget.test.ts'] } }));

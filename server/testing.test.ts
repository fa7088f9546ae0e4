import { describe, expect, it } from 'vitest';
import { requireCommand } from './testing.ts';

describe('requireCommand', () => {
  it('fails loudly, naming the tool and the fix, instead of letting a suite skip', () => {
    expect(() => requireCommand('leakless-no-such-tool')).toThrow(
      'leakless-no-such-tool is not installed: run sh scripts/ensure-browsers.sh (npm test does)',
    );
    expect(() => requireCommand('sh')).not.toThrow();
  });
});

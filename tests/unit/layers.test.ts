import { describe, expect, it } from 'vitest';
import { importsOf, layerOf, layerViolations, violation } from '../../scripts/layers';

const root = new URL('../..', import.meta.url).pathname;

describe('layers', () => {
  it('holds in the tree as it is', () => {
    expect(layerViolations(root)).toEqual([]);
  });

  it('names the layer of a path', () => {
    expect(layerOf('src/net/gate.ts')).toBe('net');
    expect(layerOf('src/ext/storage.ts')).toBe('ext');
    expect(layerOf('src/model')).toBe('model');
    expect(layerOf('scripts/build.ts')).toBe(null);
  });

  it('resolves relative imports only', () => {
    const text =
      "import { a } from '../model';\nimport x from 'valibot';\nexport { b } from './types';\nconst m = import('../verdict/index.ts');";
    expect(importsOf('src/net/gate.ts', text)).toEqual([
      { from: 'src/net/gate.ts', to: 'src/model' },
      { from: 'src/net/gate.ts', to: 'src/net/types' },
      { from: 'src/net/gate.ts', to: 'src/verdict/index' },
    ]);
  });

  it('refuses an upward import, the ones the issue names among them', () => {
    expect(violation({ from: 'src/net/types.ts', to: 'src/probes/types' }, false)).toBe(
      'src/net/types.ts imports src/probes/types: net (layer 2) may not import probes (layer 3)',
    );
    expect(violation({ from: 'src/endpoints/rogue.ts', to: 'src/ext/browser' }, false)).toBe(
      'src/endpoints/rogue.ts imports src/ext/browser: endpoints (layer 1) may not import ext (layer 5)',
    );
    expect(violation({ from: 'src/net/gate.ts', to: 'src/probes' }, false)).toBe(
      'src/net/gate.ts imports src/probes: net (layer 2) may not import probes (layer 3)',
    );
    expect(violation({ from: 'src/model/results.ts', to: 'src/net/types' }, false)).toBe(
      'src/model/results.ts imports src/net/types: model (layer 0) may not import net (layer 2)',
    );
    expect(violation({ from: 'src/audit/manifest-check.ts', to: 'scripts/manifest' }, false)).toBe(
      'src/audit/manifest-check.ts imports scripts/manifest: src/ never imports build scripts',
    );
    // Tests may reach across layers for fixtures, but never into the build scripts either.
    expect(violation({ from: 'src/audit/a.test.ts', to: 'src/popup/x' }, true)).toBe(null);
    expect(violation({ from: 'src/audit/a.test.ts', to: 'scripts/manifest' }, true)).not.toBe(null);
  });

  it('allows downward and same-folder imports', () => {
    expect(violation({ from: 'src/probes/ip/probe.ts', to: 'src/net/types' }, false)).toBe(null);
    expect(violation({ from: 'src/probes/ip/probe.ts', to: 'src/probes/deps' }, false)).toBe(null);
    expect(violation({ from: 'src/popup/Popup.tsx', to: 'src/verdict' }, false)).toBe(null);
  });
});

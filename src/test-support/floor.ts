// TEST BUILDS ONLY: the background's half of the bench's floor page (floor-page.ts): answers {type:'test:floor'}
// with the time it arrived (epoch ms). Behind __LEAKLESS_TEST__, so a release build drops it.

declare const __LEAKLESS_TEST__: boolean;

export function handleFloorMessage(message: unknown): number | null {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'test:floor') {
      return performance.timeOrigin + performance.now();
    }
  }
  return null;
}

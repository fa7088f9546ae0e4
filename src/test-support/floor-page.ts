// TEST BUILDS ONLY (the bench's floor): an empty extension page that sends the background one message, the
// least any popup must do before a check can start. The bench compares the popup's page-open → first request
// with page-open → this message's arrival (src/test-support/floor.ts). No polyfill, no UI: the floor.
type Send = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
const g = globalThis as unknown as { browser?: Send; chrome?: Send; __floor?: unknown };
const api = g.browser ?? g.chrome;
void api?.runtime.sendMessage({ type: 'test:floor' }).then((arrived) => {
  g.__floor = { arrived, timeOrigin: performance.timeOrigin };
});

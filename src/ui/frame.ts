/**
 * preact's render scheduler for pages that get many updates (the popup during a check): at most one render a
 * frame, whatever the number of messages in it. A timer stands in for a frame that never comes (a hidden page
 * gets none), so an update is never held for longer than `fallbackMs`.
 */
export function onceAFrame(
  frame: (run: () => void) => unknown,
  timer: (run: () => void, ms: number) => unknown,
  fallbackMs: number,
): (render: () => void) => void {
  return (render) => {
    let ran = false;
    const run = () => {
      if (ran) return;
      ran = true;
      render();
    };
    frame(run);
    timer(run, fallbackMs);
  };
}

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A fixed-size box whose overflow scrolls inside it. When it does overflow it joins the tab order,
 * so keyboard users can scroll it too (and axe's scrollable-region-focusable holds).
 */
export function Scroll({ class: className, children }: { class: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const queued = useRef(false);
  useEffect(() => {
    if (queued.current) return;
    queued.current = true;
    // Reading scrollHeight forces a layout: once a frame, in the frame's own layout, not once per update
    // (a check sends dozens; measured 126 ms of forced layouts per check in Chromium's trace).
    requestAnimationFrame(() => {
      queued.current = false;
      const box = ref.current;
      if (!box) return;
      if (box.scrollHeight > box.clientHeight + 1) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    });
  });
  return (
    <div ref={ref} class={className}>
      {children}
    </div>
  );
}

import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A fixed-size box whose overflow scrolls inside it. When it does overflow it joins the tab order,
 * so keyboard users can scroll it too (and axe's scrollable-region-focusable holds).
 */
export function Scroll({ class: className, children }: { class: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    if (box.scrollHeight > box.clientHeight + 1) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  });
  return (
    <div ref={ref} class={className}>
      {children}
    </div>
  );
}

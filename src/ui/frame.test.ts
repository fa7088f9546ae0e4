import { describe, expect, it, vi } from 'vitest';
import { onceAFrame } from './frame';

describe('onceAFrame', () => {
  it('renders at the frame, once, and the timer that follows does nothing', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    const render = vi.fn();
    onceAFrame((run) => frames.push(run), setTimeout, 100)(render);
    expect(render).not.toHaveBeenCalled();
    frames[0]?.();
    expect(render).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    expect(render).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('renders after fallbackMs when no frame comes, not before, and a late frame does nothing', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    const render = vi.fn();
    onceAFrame((run) => frames.push(run), setTimeout, 100)(render);
    vi.advanceTimersByTime(99);
    expect(render).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(render).toHaveBeenCalledTimes(1);
    frames[0]?.();
    expect(render).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});

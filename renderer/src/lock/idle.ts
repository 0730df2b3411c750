// Idle tracking for the app lock: any key, pointer, wheel, touch or focus counts as activity. Checked once a second,
// so a sleeping laptop that wakes after the limit locks at once.
import { useEffect, useState } from 'react';

export const WARNING_MS = 30_000;
const EVENTS = ['keydown', 'mousemove', 'mousedown', 'pointerdown', 'wheel', 'touchstart', 'focusin'] as const;

/** Seconds left when the warning shows (null otherwise); calls onIdle once when the time is up. */
export function useIdle(limitMs: number | null, onIdle: () => void): number | null {
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    if (limitMs === null) return undefined;
    let last = Date.now();
    let fired = false;
    const active = () => {
      last = Date.now();
      setLeft(null);
    };
    for (const e of EVENTS) window.addEventListener(e, active, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      const remaining = limitMs - (Date.now() - last);
      if (remaining <= 0) {
        if (!fired) {
          fired = true;
          onIdle();
        }
        return;
      }
      setLeft(remaining <= WARNING_MS ? Math.ceil(remaining / 1000) : null);
    }, 1000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, active, { capture: true });
      window.clearInterval(timer);
    };
  }, [limitMs, onIdle]);
  return left;
}

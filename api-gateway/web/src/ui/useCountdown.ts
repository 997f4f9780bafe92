import { useEffect, useState } from 'react';

const TICK_MS = 250;

/** Milliseconds left until `target` (never negative), refreshed a few times a second until it reaches 0. */
export function useCountdown(target: string | number): number {
  const targetMs = typeof target === 'number' ? target : Date.parse(target);
  const [now, setNow] = useState(() => Date.now());
  const remaining = Math.max(0, targetMs - now);

  useEffect(() => {
    if (remaining === 0) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [remaining === 0]); // restart only when it ends

  return remaining;
}

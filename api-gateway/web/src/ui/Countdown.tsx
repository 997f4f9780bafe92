import { useEffect, useRef } from 'react';
import { formatDuration } from './format';
import { useCountdown } from './useCountdown';

interface CountdownProps {
  /** The ISO time it counts down to. */
  to: string;
  label: string;
  /** Called once, when the time is up. */
  onDone?: () => void;
}

export function Countdown({ to, label, onDone }: CountdownProps) {
  const remaining = useCountdown(to);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    if (remaining === 0) doneRef.current?.();
  }, [remaining === 0]); // fire once, at zero

  return (
    <p className="fs-5 mb-2">
      <span>{label}</span>{' '}
      <strong role="timer" className="font-monospace">
        {formatDuration(remaining)}
      </strong>
    </p>
  );
}

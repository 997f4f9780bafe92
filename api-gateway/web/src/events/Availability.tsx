interface AvailabilityProps {
  available: number;
  capacity: number;
}

/** "N of M left", announced politely to screen readers as it falls. */
export function Availability({ available, capacity }: AvailabilityProps) {
  const percent = capacity > 0 ? Math.round((available / capacity) * 100) : 0;
  return (
    <div className="my-3">
      <p className="fs-4 fw-semibold mb-1" aria-live="polite" data-testid="availability">
        {`${available} of ${capacity} left`}
      </p>
      <div className="progress" style={{ height: '0.5rem' }} aria-hidden="true">
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

const tones: Record<string, string> = {
  available: 'text-bg-success',
  reserved: 'text-bg-warning',
  sold: 'text-bg-secondary',
  created: 'text-bg-primary',
  'awaiting:payment': 'text-bg-info',
  complete: 'text-bg-success',
  cancelled: 'text-bg-secondary',
};

/** A ticket's or an order's status, in the API's own words. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${tones[status] ?? 'text-bg-light'}`}>{status}</span>;
}

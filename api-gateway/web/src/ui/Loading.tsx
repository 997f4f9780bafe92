export function Loading() {
  return (
    <div className="d-flex align-items-center gap-2 my-4 text-secondary" role="status">
      <span className="spinner-border spinner-border-sm" aria-hidden="true" />
      <span>Loading…</span>
    </div>
  );
}

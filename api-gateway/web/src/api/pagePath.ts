const PAGE_SIZE = 20;

/** `/api/things?limit=20&cursor=…` for cursor-paged lists. */
export function pagePath(base: string, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return `${base}?${params}`;
}

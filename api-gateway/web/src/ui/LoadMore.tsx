interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

export function LoadMore({ hasMore, loading, onLoadMore }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <div className="text-center my-3">
      <button type="button" className="btn btn-outline-primary" onClick={onLoadMore} disabled={loading}>
        Load more
      </button>
    </div>
  );
}

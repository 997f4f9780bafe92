const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatPrice(price: number): string {
  return money.format(price);
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** 5 s → "00:05", 1 h 2 min 3 s → "1:02:03", 2 days → "2d 00:00:00". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mmss = `${pad(minutes)}:${pad(seconds)}`;
  if (days > 0) return `${days}d ${pad(hours)}:${mmss}`;
  if (hours > 0) return `${hours}:${mmss}`;
  return mmss;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

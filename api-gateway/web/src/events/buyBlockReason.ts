import type { TicketEvent } from '../api/types';

/**
 * Why no ticket of `event` can be bought now, or null when one can. Per-user refusals
 * (limit_reached, own_ticket) are the server's call and come back as readable errors.
 */
export function buyBlockReason(event: TicketEvent, onSale: boolean): string | null {
  if (event.available === 0) return 'Sold out';
  if (!onSale) return 'Not on sale yet';
  return null;
}

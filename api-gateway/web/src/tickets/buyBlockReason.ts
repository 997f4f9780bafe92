import type { Ticket, User } from '../api/types';

/** Why `user` cannot buy `ticket` now, or null when they can. */
export function buyBlockReason(ticket: Ticket, user: User | null | undefined): string | null {
  if (user && user.id === ticket.userId) return 'You are selling this ticket.';
  if (ticket.status === 'sold') return 'Someone has already bought this ticket.';
  if (ticket.status === 'reserved') return 'Another buyer is holding this ticket right now.';
  return null;
}

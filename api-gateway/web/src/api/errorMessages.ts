import { isApiError } from './ApiError';

// One readable sentence per machine-readable `code` of the contract. Wording avoids the exact
// phrases that pages show as state ("Sold out", "Order expired", "complete") so that each of
// those appears once on a page.
const messages: Record<string, string> = {
  network_error: 'Cannot reach Ticketing. Check your connection and try again.',
  unavailable: 'Ticketing is temporarily unavailable. Please try again in a moment.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  unauthorized: 'Your session has ended. Please sign in again.',
  payload_too_large: 'That request is too large.',
  unsupported_media_type: 'The request could not be understood.',
  validation_failed: 'Please correct the highlighted fields.',
  email_taken: 'An account with this email already exists.',
  username_taken: 'This username is already taken.',
  invalid_credentials: 'The email or username and password do not match.',
  ticket_not_found: 'This ticket does not exist.',
  event_not_found: 'This event does not exist.',
  order_not_found: 'This order does not exist.',
  not_owner: 'Only the seller can change this ticket.',
  ticket_reserved: 'This ticket is reserved or sold, so it cannot be bought or changed right now.',
  event_ticket: 'This ticket belongs to an event, so its title and price are set by the event.',
  own_ticket: 'You cannot buy your own ticket.',
  sold_out: 'Every ticket of this event has been taken.',
  not_on_sale: 'This event is not on sale yet. Wait for the countdown to finish.',
  limit_reached: 'You already hold the most tickets one person may buy for this event.',
  order_complete: 'This order is already paid, so it cannot be cancelled.',
  order_cancelled: 'This order was cancelled or its time to pay ran out, so it can no longer be paid.',
  payment_in_progress: 'A payment for this order is in progress. Wait a moment and reload.',
  card_declined: 'Your card was declined. Choose another card and try again.',
};

/** A sentence for a person, never raw JSON, for any error a call can throw. */
export function errorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  const known = messages[error.code];
  if (known) return known;
  if (error.detail) return error.detail;
  if (error.status === 404) return 'Not found.';
  if (error.status >= 500) return messages.unavailable;
  return error.title && error.title !== 'Error' ? error.title : `The request failed (${error.status}).`;
}

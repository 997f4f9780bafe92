/** Stripe's test tokens, which the gateway's built-in test processor honours. */
export const testCards = [
  { token: 'tok_visa', label: 'Visa (succeeds)' },
  { token: 'tok_chargeDeclined', label: 'Declined card' },
] as const;

// The JSON shapes of the HTTP API, as /work/shared/api-contract.md defines them.

export interface User {
  id: string;
  email: string;
  username: string;
}

export interface AuthResponse {
  user: User;
  token: string;
}

export interface CurrentUserResponse {
  currentUser: User | null;
}

export type TicketStatus = 'available' | 'reserved' | 'sold';

export interface Ticket {
  id: string;
  title: string;
  price: number;
  userId: string;
  orderId: string | null;
  eventId: string | null;
  status: TicketStatus;
  version: number;
}

export interface TicketEvent {
  id: string;
  title: string;
  price: number;
  capacity: number;
  available: number;
  sold: number;
  onSaleAt: string;
  maxPerUser: number | null;
  userId: string;
}

export type OrderStatus = 'created' | 'awaiting:payment' | 'complete' | 'cancelled';

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  ticket: { id: string; title: string; price: number };
  eventId: string | null;
  cancelReason: 'user' | 'expired' | null;
}

export interface Payment {
  id: string;
  orderId: string;
  stripeId: string;
  amount: number;
  currency: string;
  status: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

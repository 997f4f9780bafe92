namespace Ticketing.Events;

/// <summary>A seat given to an order: held until the order pays or lets go. Kept in memory by the event's ledger.</summary>
public sealed record SeatHold(int Seat, string BuyerId, DateTime ExpiresAt, bool Sold);

namespace Ticketing.Tickets;

/// <summary>
/// One ticket and its lock: which order holds it and until when. A stand-alone ticket is created by its
/// seller; an event's seat (key <c>{eventId}-{seat}</c>) comes to life from its event's template when first
/// touched. Reserve, release and sell are idempotent per order id.
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>The ticket as buyers see it now (an expired hold reads as available), or null.</summary>
    Task<TicketView?> GetAsync();

    /// <summary>Lists a stand-alone ticket for sale.</summary>
    Task<TicketView> CreateAsync(CreateTicket command);

    /// <summary>Changes title and price, for the seller, while nobody holds the ticket.</summary>
    Task<TicketUpdateResult> UpdateAsync(UpdateTicket command);

    /// <summary>Locks the ticket for an order until <see cref="ReserveTicket.ExpiresAt"/>.</summary>
    Task<TicketReserveResult> ReserveAsync(ReserveTicket command);

    /// <summary>Pins the order's lock while its payment is in flight, so time alone cannot release it.</summary>
    Task<bool> BeginPaymentAsync(string orderId);

    /// <summary>Unpins the lock after a payment attempt failed; the hold keeps its original expiry.</summary>
    Task EndPaymentAsync(string orderId);

    /// <summary>Marks the ticket sold to the order holding it.</summary>
    Task<bool> SellAsync(string orderId);

    /// <summary>Frees the ticket if this order holds it.</summary>
    Task ReleaseAsync(string orderId);

    /// <summary>
    /// Who holds this seat as its state says, or null: no change to the ticket, and answered even while the ticket
    /// awaits its event, so an event rebuilding its ledger can ask every seat without a call cycle. A ticket with
    /// nothing else to do rests right after answering.
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<SeatHoldRecord?> GetHoldAsync();
}

/// <summary>A held or sold seat as its ticket records it: the order, its buyer, until when, and whether it is paid.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.seat-hold-record")]
public sealed record SeatHoldRecord(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DateTime ExpiresAt,
    [property: Id(3)] bool Sold);

[GenerateSerializer, Immutable, Alias("ticketing.create-ticket")]
public sealed record CreateTicket(
    [property: Id(0)] string Title,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string SellerId);

[GenerateSerializer, Immutable, Alias("ticketing.update-ticket")]
public sealed record UpdateTicket(
    [property: Id(0)] string Title,
    [property: Id(1)] decimal Price,
    [property: Id(2)] string UserId);

/// <summary>What a seat of an event looks like before anyone touched it.</summary>
[GenerateSerializer, Immutable, Alias("ticketing.seat-template")]
public sealed record SeatTemplate(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Seat,
    [property: Id(2)] string Title,
    [property: Id(3)] decimal Price,
    [property: Id(4)] string OrganizerId,
    [property: Id(5)] DateTime CreatedAt);

[GenerateSerializer, Immutable, Alias("ticketing.reserve-ticket")]
public sealed record ReserveTicket(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DateTime ExpiresAt,
    [property: Id(3)] SeatTemplate? Seat);

public enum TicketStatus
{
    Available,
    Reserved,
    Sold,
}

[GenerateSerializer, Immutable, Alias("ticketing.ticket-view")]
public sealed record TicketView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] decimal Price,
    [property: Id(3)] string UserId,
    [property: Id(4)] string? OrderId,
    [property: Id(5)] string? EventId,
    [property: Id(6)] TicketStatus Status,
    [property: Id(7)] int Version,
    [property: Id(8)] DateTime CreatedAt);

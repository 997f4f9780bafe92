namespace Ticketing.Tickets;

public enum TicketUpdateOutcome
{
    Updated,
    NotFound,
    NotOwner,
    Reserved,
    EventTicket,
}

[GenerateSerializer, Immutable, Alias("ticketing.ticket-update-result")]
public sealed record TicketUpdateResult([property: Id(0)] TicketUpdateOutcome Outcome, [property: Id(1)] TicketView? Ticket)
{
    public static TicketUpdateResult Updated(TicketView ticket) => new(TicketUpdateOutcome.Updated, ticket);
    public static readonly TicketUpdateResult NotFound = new(TicketUpdateOutcome.NotFound, null);
    public static readonly TicketUpdateResult NotOwner = new(TicketUpdateOutcome.NotOwner, null);
    public static readonly TicketUpdateResult Reserved = new(TicketUpdateOutcome.Reserved, null);
    public static readonly TicketUpdateResult EventTicket = new(TicketUpdateOutcome.EventTicket, null);
}

public enum TicketReserveOutcome
{
    Reserved,
    NotFound,
    AlreadyHeld,
    OwnTicket,
    EventTicket,
}

[GenerateSerializer, Immutable, Alias("ticketing.ticket-reserve-result")]
public sealed record TicketReserveResult([property: Id(0)] TicketReserveOutcome Outcome, [property: Id(1)] TicketView? Ticket)
{
    public static TicketReserveResult Reserved(TicketView ticket) => new(TicketReserveOutcome.Reserved, ticket);
    public static readonly TicketReserveResult NotFound = new(TicketReserveOutcome.NotFound, null);
    public static readonly TicketReserveResult AlreadyHeld = new(TicketReserveOutcome.AlreadyHeld, null);
    public static readonly TicketReserveResult OwnTicket = new(TicketReserveOutcome.OwnTicket, null);
    public static readonly TicketReserveResult EventTicket = new(TicketReserveOutcome.EventTicket, null);
}

namespace Ticketing.Tickets;

[GenerateSerializer, Alias("ticketing.ticket-catalog-state")]
public sealed class TicketCatalogState
{
    /// <summary>The available stand-alone tickets, by id.</summary>
    [Id(0)] public Dictionary<string, TicketView> Available { get; set; } = [];

    /// <summary>The last version seen of every ticket, so a late or repeated event cannot undo a newer one.</summary>
    [Id(1)] public Dictionary<string, int> Versions { get; set; } = [];

    /// <summary>
    /// The reserved stand-alone tickets, by id: unlisted, but kept, since the <c>ticket.updated</c> that releases one
    /// carries neither its seller nor when it was listed.
    /// </summary>
    [Id(2)] public Dictionary<string, TicketView> Held { get; set; } = [];
}

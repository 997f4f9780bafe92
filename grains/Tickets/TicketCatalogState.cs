namespace Ticketing.Tickets;

[GenerateSerializer, Alias("ticketing.ticket-catalog-state")]
public sealed class TicketCatalogState
{
    /// <summary>The available stand-alone tickets, by id.</summary>
    [Id(0)] public Dictionary<string, TicketView> Available { get; set; } = [];

    /// <summary>The last version seen of every ticket, so a late message cannot undo a newer one.</summary>
    [Id(1)] public Dictionary<string, int> Versions { get; set; } = [];
}

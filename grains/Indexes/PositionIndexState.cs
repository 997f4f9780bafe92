namespace Ticketing.Indexes;

[GenerateSerializer, Alias("ticketing.position-index-state")]
public sealed class PositionIndexState
{
    [Id(0)] public List<IndexPosition> Entries { get; set; } = [];
}

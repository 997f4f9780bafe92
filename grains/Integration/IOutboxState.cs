namespace Ticketing.Integration;

/// <summary>An immutable grain state that carries its pending integration events in the same write as the change.</summary>
public interface IOutboxState<out TSelf>
    where TSelf : IOutboxState<TSelf>
{
    IntegrationEvent[] Outbox { get; }

    TSelf WithOutbox(IntegrationEvent[] outbox);
}

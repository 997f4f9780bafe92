namespace Ticketing.Integration;

/// <summary>
/// What one change of a ticket, order, payment or event means to everyone else: the <c>data</c> of an
/// <see cref="IntegrationEvent"/>. Implementations are immutable records; once shipped, their members keep
/// their ids and their JSON names (other clusters read them).
/// </summary>
public interface IDomainEvent
{
}

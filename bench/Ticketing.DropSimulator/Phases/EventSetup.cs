using Ticketing.DropSimulator.Http;
using Ticketing.DropSimulator.Metrics;

namespace Ticketing.DropSimulator.Phases;

/// <summary>Creates the events the run sells, as their organizer.</summary>
public sealed class EventSetup(GatewayClient client, Buyer organizer, decimal price)
{
    public async Task<EventDto> CreateAsync(string title, int capacity, DateTimeOffset? onSaleAt, int? maxPerUser, CancellationToken cancellation)
    {
        var request = new CreateEventRequest(title, price, capacity, onSaleAt, maxPerUser);
        var reply = await Retry.UntilDefinitiveAsync(
            () => client.PostAsync("/api/events", request, ApiJson.Default.CreateEventRequest, organizer.Bearer, ApiJson.Default.EventDto, cancellation),
            new RequestLog(),
            cancellation);
        return reply.Value ?? throw new RunAbortedException($"could not create the event '{title}': {reply.Label} {reply.Error}");
    }
}

/// <summary>A step the run cannot go on without failed (an account, an event); the message says which and why.</summary>
public sealed class RunAbortedException(string message) : Exception(message);

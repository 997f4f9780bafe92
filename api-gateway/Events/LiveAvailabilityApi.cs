using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Gateway.Events;

/// <summary>One message of the live feed: <c>data: {"available":N,"sold":M}</c>.</summary>
public sealed record AvailabilityMessage(int Available, int Sold);

public static class LiveAvailabilityApi
{
    /// <summary>
    /// <c>GET /api/events/{id}/live</c>: Server-Sent Events with the event's counters at once and after each change.
    /// The endpoint carries its <see cref="LiveAvailabilityHub"/> (one per process) as metadata.
    /// </summary>
    public static RouteHandlerBuilder MapLiveAvailability(this WebApplication app)
    {
        var hub = ActivatorUtilities.CreateInstance<LiveAvailabilityHub>(app.Services);
        app.Lifetime.ApplicationStopping.Register(hub.Close);
        return app.MapGet("/api/events/{id}/live", (string id, CancellationToken cancellationToken) => Watch(id, hub, cancellationToken))
            .WithTags("Events")
            .WithMetadata(hub);
    }

    /// <summary>The live counters of an event, or 404 <c>event_not_found</c>.</summary>
    public static async Task<Results<ServerSentEventsResult<AvailabilityMessage>, ProblemHttpResult>> Watch(
        string id, LiveAvailabilityHub hub, CancellationToken cancellationToken)
    {
        var watch = Ids.IsWellFormed(id) ? await hub.WatchAsync(id, cancellationToken) : null;
        if (watch is null)
        {
            return Problems.NotFound("event_not_found", "There is no such event.");
        }

        // The stream below leaves the feed when it ends; this covers a client gone before it even started.
        cancellationToken.Register(watch.Dispose);
        return TypedResults.ServerSentEvents(Messages(watch, cancellationToken));
    }

    private static async IAsyncEnumerable<AvailabilityMessage> Messages(
        LiveAvailabilityWatch watch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (watch)
        {
            // The hub paces the feed (at most ten messages a second); a client slower than that skips to the newest.
            while (await watch.Updates.WaitToReadAsync(cancellationToken))
            {
                if (watch.Updates.TryRead(out var snapshot))
                {
                    yield return new AvailabilityMessage(snapshot.Available, snapshot.Sold);
                }
            }
        }
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Events;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Infrastructure;

namespace Ticketing.Gateway.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events").CheckContentTypeAfterAuth();
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/", Create).RequireAuthorization();
        return group;
    }

    /// <summary>Events newest first; each page asks only its own events for their counters.</summary>
    public static async Task<Results<Ok<PageResponse<EventResponse>>, ValidationProblem>> List(
        string? limit, string? cursor, IGrainFactory grains, EventReads reads, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (pageSize, after) = Cursor.Read(limit, cursor, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var page = await grains.EventCatalog().ListAsync(after, pageSize);
        var events = await Task.WhenAll(page.Items.Select(p => reads.GetAsync(p.Id, cancellationToken)));
        var items = events.OfType<EventView>().Select(EventResponse.From).ToList();
        return TypedResults.Ok(new PageResponse<EventResponse>(items, Cursor.Encode(page.Next)));
    }

    public static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> Get(string id, EventReads reads, CancellationToken cancellationToken)
    {
        var drop = Ids.IsWellFormed(id) ? await reads.GetAsync(id, cancellationToken) : null;
        return drop is null
            ? Problems.NotFound("event_not_found", "There is no such event.")
            : TypedResults.Ok(EventResponse.From(drop));
    }

    public static async Task<Results<Created<EventResponse>, ValidationProblem>> Create(
        CreateEventRequest request, IGrainFactory grains, HttpContext context, TimeProvider time)
    {
        var errors = new FieldErrors();
        var title = errors.Title(request.Title);
        var price = errors.Price(request.Price);
        if (request.Capacity is not (>= 1 and <= FieldErrors.MaxCapacity))
        {
            errors.Add("capacity", $"Capacity must be a whole number from 1 to {FieldErrors.MaxCapacity:N0}.");
        }

        if (request.MaxPerUser is < 1)
        {
            errors.Add("maxPerUser", "maxPerUser must be at least 1, or absent for no limit.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var id = Ids.New();
        var onSaleAt = (request.OnSaleAt ?? time.GetUtcNow()).UtcDateTime;
        var command = new CreateEvent(title, price, request.Capacity!.Value, onSaleAt, request.MaxPerUser, context.User.UserIdOf());
        var created = await grains.GetGrain<IEventGrain>(id).CreateAsync(command);
        return TypedResults.Created($"/api/events/{id}", EventResponse.From(created));
    }
}

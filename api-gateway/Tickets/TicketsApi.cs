using Microsoft.AspNetCore.Http.HttpResults;
using Ticketing.Gateway.Auth;
using Ticketing.Gateway.Infrastructure;
using Ticketing.Tickets;

namespace Ticketing.Gateway.Tickets;

public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tickets").WithTags("Tickets").CheckContentTypeAfterAuth();
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/", Create).RequireAuthorization();
        group.MapPut("/{id}", Update).RequireAuthorization();
        return group;
    }

    /// <summary>Available tickets that belong to no event, newest first.</summary>
    public static async Task<Results<Ok<PageResponse<TicketResponse>>, ValidationProblem>> List(
        string? limit, string? cursor, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var (pageSize, after) = Cursor.Read(limit, cursor, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var page = await grains.TicketCatalog().ListAsync(after, pageSize);
        return TypedResults.Ok(page.ToResponse());
    }

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> Get(string id, IGrainFactory grains)
    {
        var ticket = Ids.IsWellFormedTicketId(id) ? await grains.GetGrain<ITicketGrain>(id).GetAsync() : null;
        return ticket is null ? TicketNotFound() : TypedResults.Ok(TicketResponse.From(ticket));
    }

    public static async Task<Results<Created<TicketResponse>, ValidationProblem>> Create(
        TicketRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors();
        var title = errors.Title(request.Title);
        var price = errors.Price(request.Price);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var id = Ids.New();
        var ticket = await grains.GetGrain<ITicketGrain>(id).CreateAsync(new CreateTicket(title, price, context.User.UserIdOf()));
        return TypedResults.Created($"/api/tickets/{id}", TicketResponse.From(ticket));
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, TicketRequest request, IGrainFactory grains, HttpContext context)
    {
        var errors = new FieldErrors();
        var title = errors.Title(request.Title);
        var price = errors.Price(request.Price);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!Ids.IsWellFormedTicketId(id))
        {
            return TicketNotFound();
        }

        var result = await grains.GetGrain<ITicketGrain>(id).UpdateAsync(new UpdateTicket(title, price, context.User.UserIdOf()));
        return result.Outcome switch
        {
            TicketUpdateOutcome.Updated => TypedResults.Ok(TicketResponse.From(result.Ticket!)),
            TicketUpdateOutcome.NotFound => TicketNotFound(),
            TicketUpdateOutcome.NotOwner => Problems.Forbidden("not_owner", "Only the seller may edit this ticket."),
            TicketUpdateOutcome.EventTicket => Problems.Conflict("event_ticket", "This ticket belongs to an event; edit the event instead."),
            _ => Problems.Conflict("ticket_reserved", "The ticket is reserved or sold and cannot be edited."),
        };
    }

    private static ProblemHttpResult TicketNotFound() => Problems.NotFound("ticket_not_found", "There is no such ticket.");
}

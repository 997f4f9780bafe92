using Microsoft.AspNetCore.WebUtilities;

namespace Ticketing.Gateway.Infrastructure;

public static class ProblemDefaults
{
    /// <summary>Problem details everywhere, each with a title and the contract's <c>code</c>.</summary>
    public static IServiceCollection AddTicketingProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Detail ??= problem.Title;
            problem.Extensions.TryAdd("code", Problems.CodeFor(status));
            problem.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<RequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

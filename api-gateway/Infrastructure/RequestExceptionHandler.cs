using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>
/// Turns what fails before or around a handler into the contract's problems: unreadable bodies become 400,
/// oversized ones 413, non-JSON ones 415, and a cluster that does not answer becomes 503, never a 500.
/// </summary>
public sealed partial class RequestExceptionHandler(IProblemDetailsService problems, ILogger<RequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var context = httpContext;
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad => Framework(bad.StatusCode, bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than 64 KiB.",
                StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON (Content-Type: application/json).",
                _ => BodyMessage(bad),
            }),
            _ when StorageFaults.IsStorageFault(exception) =>
                Unavailable("storage_unavailable", "Storage is briefly unavailable; nothing was changed. Please retry."),
            _ when ClusterFaults.IsClusterFault(exception) =>
                Unavailable("unavailable", "The service is briefly unavailable; please retry."),
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "1";
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails InvalidJson(JsonException json)
    {
        // A value of the wrong type names its field ("$.price"); broken syntax is about the whole body.
        var field = json.InnerException is JsonException || string.IsNullOrEmpty(json.Path) || json.Path == "$"
            ? "body"
            : json.Path.TrimStart('$', '.');
        var message = field == "body"
            ? "The request body is not valid JSON."
            : $"'{field}' has the wrong type.";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Validation failed",
            Detail = "One or more fields are invalid.",
            Extensions = { ["code"] = "validation_failed" },
        };
    }

    private static string BodyMessage(BadHttpRequestException bad) =>
        bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            ? "A JSON request body is required."
            : "The request could not be read.";

    private static ProblemDetails Unavailable(string code, string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Detail = detail,
        Extensions = { ["code"] = code },
    };

    private static ProblemDetails Framework(int status, string detail)
    {
        var problem = status == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [detail] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = status == StatusCodes.Status400BadRequest ? "Validation failed" : null;
        problem.Detail = detail;
        problem.Extensions["code"] = Problems.CodeFor(status);
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the cluster did not answer")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

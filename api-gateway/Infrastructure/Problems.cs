using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>Every error the API answers: RFC 9457 problem details carrying a stable snake_case <c>code</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: ReasonPhrases.GetReasonPhrase(status),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string code, string detail) => Of(StatusCodes.Status404NotFound, code, detail);

    public static ProblemHttpResult Conflict(string code, string detail) => Of(StatusCodes.Status409Conflict, code, detail);

    public static ProblemHttpResult Forbidden(string code, string detail) => Of(StatusCodes.Status403Forbidden, code, detail);

    /// <summary>503 with <c>Retry-After: 1</c>: the request changed nothing and may be sent again in a moment.</summary>
    public static ProblemHttpResult RetryShortly(HttpContext context, string code, string detail)
    {
        context.Response.Headers.RetryAfter = "1";
        return Of(StatusCodes.Status503ServiceUnavailable, code, detail);
    }

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: "One or more fields are invalid.",
            title: "Validation failed",
            extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The code of a problem the framework raised itself (a refusal before any handler ran).</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "validation_failed",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ when status >= 500 => "internal_error",
        _ => "bad_request",
    };
}

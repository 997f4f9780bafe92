using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ticketing.Tests.Support;

public static class HttpAssertions
{
    /// <summary>Asserts a problem+json answer with the given status and <c>code</c>, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 <c>validation_failed</c> naming exactly these fields.</summary>
    public static async Task AssertValidationAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var named = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(fields.Order().ToArray(), named);
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>Posts JSON with an <c>Idempotency-Key</c>, sent as given (even a value the gateway must refuse).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PutAsync(path, new StringContent(body, System.Text.Encoding.UTF8, contentType));
}

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ticketing.DropSimulator.Http;

/// <summary>
/// The simulator's only way out: one keep-alive connection pool to one base address, a timeout on every
/// request, no proxy, no cookies (buyers authenticate with their own bearer token), no redirects.
/// </summary>
public sealed class GatewayClient(Uri baseAddress, int maxConnections, TimeSpan requestTimeout) : IDisposable
{
    private readonly HttpClient http = Create(baseAddress, maxConnections, requestTimeout);

    private static HttpClient Create(Uri baseAddress, int maxConnections, TimeSpan requestTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            // Every concurrent buyer keeps its own connection for the whole run, as a browser would.
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = TimeSpan.FromHours(1),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = requestTimeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri BaseAddress => baseAddress;

    public Task<ApiReply<T>> GetAsync<T>(string path, string? bearer, JsonTypeInfo<T>? type, CancellationToken cancellation)
        where T : class =>
        SendAsync(HttpMethod.Get, path, null, bearer, type, cancellation);

    public Task<ApiReply<TResponse>> PostAsync<TRequest, TResponse>(
        string path, TRequest body, JsonTypeInfo<TRequest> bodyType, string? bearer, JsonTypeInfo<TResponse>? type, CancellationToken cancellation)
        where TResponse : class =>
        SendAsync(HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(body, bodyType), bearer, type, cancellation);

    /// <summary>
    /// Sends one request and reads the whole answer. The latency covers sending, waiting and reading the body,
    /// not parsing it. A timeout or broken connection is an answer too; only the run's own cancellation throws.
    /// </summary>
    public async Task<ApiReply<T>> SendAsync<T>(
        HttpMethod method, string path, byte[]? jsonBody, string? bearer, JsonTypeInfo<T>? type, CancellationToken cancellation)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (jsonBody is not null)
        {
            request.Content = new ByteArrayContent(jsonBody);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        if (bearer is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", bearer);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(requestTimeout);
        var started = Stopwatch.GetTimestamp();
        int status;
        byte[] body;
        TimeSpan? retryAfter;
        string? mediaType;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
            body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            status = (int)response.StatusCode;
            retryAfter = response.Headers.RetryAfter?.Delta;
            mediaType = response.Content.Headers.ContentType?.MediaType;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return Failed<T>(TransportFailure.Timeout, 0, started, null);
        }
        catch (HttpRequestException e)
        {
            return Failed<T>(TransportFailure.Transport, 0, started, e.HttpRequestError + ": " + e.Message);
        }

        var latency = Stopwatch.GetElapsedTime(started);
        try
        {
            if (status is >= 200 and < 300)
            {
                var value = type is null || body.Length == 0 ? null : JsonSerializer.Deserialize(body, type);
                return new ApiReply<T>(status, null, value, latency, TransportFailure.None, null, retryAfter);
            }

            var isJson = mediaType is not null && mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
            var problem = body.Length == 0 || !isJson ? null : JsonSerializer.Deserialize(body, ApiJson.Default.ProblemDto);
            return new ApiReply<T>(status, problem?.Code, null, latency, TransportFailure.None, problem?.Detail, retryAfter);
        }
        catch (JsonException e)
        {
            return new ApiReply<T>(status, null, null, latency, TransportFailure.BadBody, e.Message, retryAfter);
        }
    }

    /// <summary>
    /// Opens a GET whose body stays open (Server-Sent Events): the answer as soon as its headers arrive, within the
    /// request timeout, its body left to the caller to read for as long as it likes.
    /// </summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, string accept, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd(accept);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(requestTimeout);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
    }

    private static ApiReply<T> Failed<T>(TransportFailure failure, int status, long started, string? error)
        where T : class =>
        new(status, null, null, Stopwatch.GetElapsedTime(started), failure, error, null);

    public void Dispose() => http.Dispose();
}

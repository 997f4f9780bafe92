using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ticketing.Tests.Support;

/// <summary>
/// A stand-in OpenTelemetry collector on 127.0.0.1: it accepts OTLP over HTTP (protobuf) and keeps every
/// request body it got for traces. Tests look for raw bytes in them (a trace id, a service name) rather than
/// decoding protobuf: an id is written as its 16 bytes and a string as its UTF-8 bytes.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<byte[]> traceExports = new();
    private readonly ConcurrentDictionary<string, int> requestsBySignal = new(StringComparer.Ordinal);

    private OtlpSink(WebApplication app) => this.app = app;

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new OtlpSink(app);
        // An empty body is an empty Export*ServiceResponse: everything accepted.
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            sink.traceExports.Enqueue(body.ToArray());
            sink.requestsBySignal.AddOrUpdate("traces", 1, (_, n) => n + 1);
            return Results.Ok();
        });
        app.MapPost("/v1/{signal}", (string signal) =>
        {
            sink.requestsBySignal.AddOrUpdate(signal, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await app.StartAsync();
        sink.Endpoint = new Uri(app.Urls.Single());
        return sink;
    }

    /// <summary>Whether some process exported, in one request, spans of this trace along with these texts (its service name, a scope).</summary>
    public bool ReceivedTrace(byte[] traceId, params string[] alongWith)
    {
        var texts = alongWith.Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        return traceExports.Any(body => body.AsSpan().IndexOf(traceId) >= 0 && texts.All(text => body.AsSpan().IndexOf(text) >= 0));
    }

    /// <summary>What arrived so far, for failure messages: export requests per signal.</summary>
    public string Describe() => requestsBySignal.IsEmpty
        ? "no export request at all"
        : string.Join(", ", requestsBySignal.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

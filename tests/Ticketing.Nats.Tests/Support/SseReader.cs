using System.Text.Json;

namespace Ticketing.Nats.Tests.Support;

/// <summary>A Server-Sent Events client of <c>GET /api/events/{id}/live</c> that keeps every message it read.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private readonly HttpClient client;
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly List<(int Available, int Sold)> messages = [];
    private readonly Task loop;

    private SseReader(HttpClient client, HttpResponseMessage response)
    {
        this.client = client;
        this.response = response;
        loop = Task.Run(ReadAsync);
    }

    public string? ContentType => response.Content.Headers.ContentType?.MediaType;

    public IReadOnlyList<(int Available, int Sold)> Messages
    {
        get
        {
            lock (messages)
            {
                return [.. messages];
            }
        }
    }

    public static async Task<SseReader> OpenAsync(TicketingGateway gateway, string eventId)
    {
        var client = gateway.CreateClient();
        var response = await client.GetAsync($"/api/events/{eventId}/live", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, $"live feed answered {(int)response.StatusCode}");
        return new SseReader(client, response);
    }

    public Task WaitForAsync(Func<(int Available, int Sold), bool> condition, string what) =>
        Eventually.TrueAsync(() => Messages.Any(condition), TimeSpan.FromSeconds(20), what);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }

        client.Dispose();
        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var json = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                lock (messages)
                {
                    messages.Add((json.GetProperty("available").GetInt32(), json.GetProperty("sold").GetInt32()));
                }
            }
        }
    }
}

using System.Text.Json;

namespace Ticketing.Testing;

/// <summary>
/// A Server-Sent Events client of <c>GET /api/events/{id}/live</c> that keeps every message it read. One source file,
/// compiled into each test project that watches the live feed.
/// </summary>
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

    /// <summary>Opens the event's live feed with <paramref name="client"/>, which the reader disposes.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient client, string eventId)
    {
        var response = await client.GetAsync($"/api/events/{eventId}/live", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, $"live feed answered {(int)response.StatusCode}");
        return new SseReader(client, response);
    }

    /// <summary>Waits until a message read so far matches, failing with what was read at the deadline.</summary>
    public async Task WaitForAsync(Func<(int Available, int Sold), bool> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!Messages.Any(condition))
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"Timed out after {within.TotalSeconds:0.#} s waiting until {what}; read: {string.Join(", ", Messages.Select(m => $"{m.Available}/{m.Sold}"))}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

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

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Ticketing.Tests.Support;

/// <summary>One scrape of a Prometheus text endpoint: every sample line, by metric name and labels.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) => this.samples = samples;

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples => samples;

    /// <summary>GETs <c>/metrics</c> from <paramref name="client"/>, asserting a 200 in the Prometheus text format.</summary>
    public static async Task<PrometheusScrape> FromAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    /// <summary>
    /// Scrapes until <paramref name="condition"/> holds or <paramref name="within"/> runs out, and returns the last
    /// scrape either way, for the test to assert on. The exporter may answer from a cache for a few hundred
    /// milliseconds, so a change shows up in a later scrape, not necessarily the next one.
    /// </summary>
    public static async Task<PrometheusScrape> AwaitAsync(HttpClient client, Func<PrometheusScrape, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var scrape = await FromAsync(client);
            if (condition(scrape) || DateTime.UtcNow >= deadline)
            {
                return scrape;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static PrometheusScrape Parse(string text)
    {
        var parsed = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var number => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            parsed.Add(new Sample(match.Groups["name"].Value, labels, value));
        }

        return new PrometheusScrape(parsed);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> carrying every given label (0 when there are none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) => samples
        .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
        .Sum(s => s.Value);

    public bool Has(string name) => samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[A-Za-z_:][A-Za-z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?\s*$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

using System.Globalization;

namespace Ticketing.DropSimulator.Options;

/// <summary>Reads durations as operators type them: <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>10</c> (seconds) or <c>00:00:10</c>.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var (number, unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1.0),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60.0),
            _ => (text, 1.0),
        };

        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && double.IsFinite(amount) && amount >= 0)
        {
            value = TimeSpan.FromSeconds(amount * unit);
            return true;
        }

        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    public static string Format(TimeSpan value) =>
        value.TotalSeconds >= 1 ? $"{value.TotalSeconds:0.###} s" : $"{value.TotalMilliseconds:0.#} ms";
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.Common;

namespace Ticketing.Grains.Tests.Infrastructure;

/// <summary>
/// Records every measurement of the <c>Ticketing</c> meter (one per process) with the grain that made it, so a
/// test sees exactly what its own grains counted while other tests' grains count alongside.
/// </summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public MetricsRecorder(ClusterFixture cluster)
    {
        // The measurement callback runs on the recording grain's turn, where the accessor names that grain.
        var grains = cluster.SiloServices[0].GetRequiredService<IGrainContextAccessor>();
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (instrument.Meter.Name == TicketingMetrics.MeterName)
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                labels[tag.Key] = tag.Value?.ToString() ?? "";
            }

            measurements.Enqueue(new Measurement(instrument.Name, value, labels, grains.GrainContext?.GrainId));
        });
        listener.Start();
    }

    public sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, string> Tags, GrainId? Grain);

    /// <summary>What <paramref name="grain"/> recorded on <paramref name="instrument"/>, in order, as "value" or "value tag=…".</summary>
    public IReadOnlyList<string> Of(IAddressable grain, string instrument)
    {
        var id = grain.GetGrainId();
        return measurements
            .Where(m => m.Instrument == instrument && m.Grain == id)
            .Select(m => string.Join(' ', [m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), .. m.Tags.Select(t => $"{t.Key}={t.Value}")]))
            .ToList();
    }

    public void Dispose() => listener.Dispose();
}

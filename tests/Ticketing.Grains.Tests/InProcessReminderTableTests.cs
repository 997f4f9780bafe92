using Ticketing.Common;
using Ticketing.Grains.Tests.Infrastructure;

namespace Ticketing.Grains.Tests;

/// <summary>The embedded default's reminder table: versioned rows, and the ring ranges each silo's reminder service reads.</summary>
public sealed class InProcessReminderTableTests
{
    private static readonly GrainId Ticket = GrainId.Create("ticket", "0123456789abcdef0123456789abcdef-1");
    private static readonly GrainId Order = GrainId.Create("order", "0123456789abcdef0123456789abcdef");

    [Fact]
    public async Task ARegisteredReminderReadsBackWithTheVersionItWasGiven()
    {
        var table = new InProcessReminderTable();

        var version = await table.UpsertRow(Entry(Ticket, "hold-expiry"));
        var row = await table.ReadRow(Ticket, "hold-expiry");

        Assert.Equal((Ticket, "hold-expiry", version), (row!.GrainId, row.ReminderName, row.ETag));
    }

    [Fact]
    public async Task ARemovalWithAnOutdatedVersionLeavesTheNewerRegistration()
    {
        var table = new InProcessReminderTable();
        var first = await table.UpsertRow(Entry(Ticket, "hold-expiry"));
        var second = await table.UpsertRow(Entry(Ticket, "hold-expiry"));

        var removedStale = await table.RemoveRow(Ticket, "hold-expiry", first!);
        var stillThere = await table.ReadRow(Ticket, "hold-expiry");
        var removedCurrent = await table.RemoveRow(Ticket, "hold-expiry", second!);
        var gone = await table.ReadRow(Ticket, "hold-expiry");

        Assert.NotEqual(first, second);
        Assert.Equal((false, second, true, null), (removedStale, stillThere?.ETag, removedCurrent, gone));
    }

    [Fact]
    public async Task AGrainsRowsAreItsOwn()
    {
        var table = new InProcessReminderTable();
        await table.UpsertRow(Entry(Ticket, "hold-expiry"));
        await table.UpsertRow(Entry(Order, "order-expiry"));
        await table.UpsertRow(Entry(Order, "payment-check"));

        var rows = await table.ReadRows(Order);

        Assert.Equal(["order-expiry", "payment-check"], rows.Reminders.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task ARangeHoldsTheGrainsHashedIntoItAndAWrappingRangeTheRest()
    {
        var table = new InProcessReminderTable();
        await table.UpsertRow(Entry(Ticket, "hold-expiry"));
        await table.UpsertRow(Entry(Order, "order-expiry"));
        var (low, high) = Ticket.GetUniformHashCode() < Order.GetUniformHashCode() ? (Ticket, Order) : (Order, Ticket);
        var lowHash = low.GetUniformHashCode();
        var highHash = high.GetUniformHashCode();

        var upToLow = await table.ReadRows(lowHash - 1, lowHash);
        var aboveLowToHigh = await table.ReadRows(lowHash, highHash);
        var wrapAroundAboveHigh = await table.ReadRows(highHash, lowHash);
        var wholeRing = await table.ReadRows(0, 0);

        Assert.Equal([low], upToLow.Reminders.Select(r => r.GrainId));
        Assert.Equal([high], aboveLowToHigh.Reminders.Select(r => r.GrainId));
        Assert.Equal([low], wrapAroundAboveHigh.Reminders.Select(r => r.GrainId));
        Assert.Equal(2, wholeRing.Reminders.Count);
    }

    [Fact]
    public async Task RegistrationsRacingRemovalsOfTheSameGrainAreAllKept()
    {
        const int Rounds = 100;
        const int Racers = 8;
        var table = new InProcessReminderTable();
        var lost = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // Each racer registers a reminder of its own; the even ones then remove theirs, which may leave the grain
            // without rows for a moment while an odd one registers.
            var grain = GrainId.Create("order", $"race-{round}");
            Together.Run(Racers, i =>
            {
                var version = table.UpsertRow(Entry(grain, $"reminder-{i}")).GetAwaiter().GetResult();
                if (i % 2 == 0)
                {
                    table.RemoveRow(grain, $"reminder-{i}", version!).GetAwaiter().GetResult();
                }
            });

            var kept = (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).ToHashSet();
            lost.AddRange(Enumerable.Range(0, Racers).Where(i => i % 2 == 1).Select(i => $"reminder-{i}").Where(name => !kept.Contains(name)).Select(name => $"{grain}/{name}"));
        }

        Assert.Empty(lost);
    }

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(1),
    };
}

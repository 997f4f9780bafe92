using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using Ticketing.Common;
using Ticketing.Hosting;

namespace Ticketing.Nats.Tests.Support;

/// <summary>
/// The gateway (silo A, embedded) and a second silo B of the same cluster in this process, both on 127.0.0.1, both
/// with their streams on the fixture's NATS server.
/// </summary>
public sealed class TwoSiloGateway : TicketingGateway
{
    private IHost? second;

    /// <summary>Grain calls made from silo B's own code (new activations of local-placement grains land on B).</summary>
    public IGrainFactory SecondSiloGrains => second!.Services.GetRequiredService<IGrainFactory>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        var settings = new Dictionary<string, string?>
        {
            ["Ticketing:Silo:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:PrimarySiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Ticketing:Silo:ClusterId"] = ClusterId,
            ["Ticketing:Reminders:MinimumPeriod"] = "00:00:05",
            ["Ticketing:Orders:ReservationWindow"] = ReservationWindow.ToString("c", CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            ["Logging:LogLevel:Orleans.Streaming"] = "Critical",
        };
        foreach (var (key, value) in SharedSettings())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);

        // Both silos run in this process, so they keep grain state in one in-process store, as one process would.
        builder.Services.AddSingleton(Services.GetRequiredService<InProcessStores>());
        builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration));
        second = builder.Build();
        await second.StartAsync();

        var membership = Services.GetRequiredService<IClusterMembershipService>();
        await Eventually.TrueAsync(
            () => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) == 2,
            TimeSpan.FromSeconds(30), "both silos are active members");
    }

    public override async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.StopAsync();
            second.Dispose();
        }

        await base.DisposeAsync();
    }
}

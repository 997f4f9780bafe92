using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ticketing.Common;
using Ticketing.Hosting;

namespace Ticketing.Tests.Unit;

/// <summary>Memory storage lives in one process: a silo of another process may not join it and split the state.</summary>
public sealed class MemoryStorageSiloTests
{
    private static readonly Dictionary<string, string?> JoinsAnotherSilo = new()
    {
        ["Ticketing:Storage"] = "Memory",
        ["Ticketing:Silo:SiloPort"] = "21201",
        ["Ticketing:Silo:GatewayPort"] = "31201",
        ["Ticketing:Silo:PrimarySiloPort"] = "21200",
    };

    [Fact]
    public void ASiloOfItsOwnProcessJoiningAnotherIsRefusedWithTheWayOut()
    {
        var builder = HostBuilderWith(JoinsAnotherSilo);

        var refused = Assert.Throws<InvalidOperationException>(() => builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration)));

        Assert.Contains("Ticketing:Storage=Postgres", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASiloHandedItsProcesssStoresMayJoinTheSiloThatHoldsThem()
    {
        var builder = HostBuilderWith(JoinsAnotherSilo);
        var shared = new InProcessStores();
        builder.Services.AddSingleton(shared);

        builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration));

        using var host = builder.Build();
        Assert.Same(shared, host.Services.GetRequiredService<InProcessStores>());
    }

    [Fact]
    public void TheFirstSiloNeedsNothingHandedToIt()
    {
        var builder = HostBuilderWith(new Dictionary<string, string?>(JoinsAnotherSilo) { ["Ticketing:Silo:PrimarySiloPort"] = "21201" });

        builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration));

        using var host = builder.Build();
        Assert.NotNull(host.Services.GetRequiredService<InProcessStores>());
    }

    private static HostApplicationBuilder HostBuilderWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}

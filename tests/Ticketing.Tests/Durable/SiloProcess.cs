using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using Ticketing.Tests.Support;

namespace Ticketing.Tests.Durable;

/// <summary>A silo host in a process of its own, so a test can kill it the way a machine dies.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly string SiloAssembly = typeof(SiloProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloAssembly").Value!;

    private readonly Process process;

    private SiloProcess(Process process, int siloPort, int gatewayPort, int httpPort)
    {
        this.process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    /// <summary>The silo host's own HTTP endpoint (health, operators' dashboard).</summary>
    public Uri HttpAddress { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool HasExited => process.HasExited;

    public static Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> settings) =>
        StartAsync(settings, FreePort.Next(), FreePort.Next());

    /// <summary>Starts a silo on these ports: a replacement for a dead one, at its address, the way a restarted pod comes back.</summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int siloPort, int gatewayPort)
    {
        Assert.True(File.Exists(SiloAssembly), $"The silo host is not built at {SiloAssembly}.");
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [SiloAssembly])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly)!,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Ticketing__Silo__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Ticketing__Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Ticketing__Silo__AdvertisedIP"] = "127.0.0.1";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, siloPort, gatewayPort, httpPort);
        await Eventually.TrueAsync(() => Task.FromResult(silo.AcceptsGatewayConnections()), TimeSpan.FromSeconds(60),
            $"the silo on port {siloPort} accepts gateway connections");
        return silo;
    }

    /// <summary>Kills the process at once: no graceful shutdown, no deactivation, no goodbye to the cluster.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>Kills the process and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private bool AcceptsGatewayConnections()
    {
        Assert.False(process.HasExited, $"The silo process exited with code {(process.HasExited ? process.ExitCode : 0)}.");
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", GatewayPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

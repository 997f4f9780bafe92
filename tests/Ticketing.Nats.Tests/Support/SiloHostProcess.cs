using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Ticketing.Nats.Tests.Support;

/// <summary>The silo host (<c>silo/</c>) in a process of its own on free 127.0.0.1 ports, as a client-mode gateway meets it.</summary>
public sealed class SiloHostProcess : IAsyncDisposable
{
    private static readonly string SiloAssembly = typeof(SiloHostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SiloAssembly").Value!;

    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloHostProcess(Process process, int gatewayPort)
    {
        this.process = process;
        GatewayPort = gatewayPort;
    }

    /// <summary>Where Orleans clients connect.</summary>
    public int GatewayPort { get; }

    /// <summary>What the process printed (warnings and errors), for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the silo with these settings (<c>Ticketing:…</c> keys) and waits until it takes client connections.</summary>
    public static async Task<SiloHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        Assert.True(File.Exists(SiloAssembly), $"The silo host is not built at {SiloAssembly}.");
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
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
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var silo = new SiloHostProcess(Process.Start(start)!, gatewayPort);
        silo.process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        silo.process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        await Eventually.TrueAsync(silo.AcceptsClients, TimeSpan.FromSeconds(60), $"the silo takes client connections on port {gatewayPort}");
        return silo;
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

    private bool AcceptsClients()
    {
        Assert.False(process.HasExited, $"The silo process exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Ticketing.Nats.Tests.Support;

/// <summary>
/// A throwaway nats-server with JetStream, started from the repository's <c>nats/ticketing.conf</c> on a free
/// 127.0.0.1 port with a temporary store. It can be killed (SIGKILL, like a crash) and started again on the same
/// port and store, which keeps what JetStream had stored.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder output = new();
    private Process? process;

    private NatsServer(int port, string storeDirectory)
    {
        Port = port;
        StoreDirectory = storeDirectory;
    }

    public int Port { get; }

    public string StoreDirectory { get; }

    public string Url => string.Create(CultureInfo.InvariantCulture, $"nats://127.0.0.1:{Port}");

    public bool IsRunning => process is { HasExited: false };

    public static string ConfigPath { get; } = typeof(NatsServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NatsConfig").Value!;

    /// <summary>Debian installs it in /usr/sbin, which is not on every PATH.</summary>
    public static string Executable { get; } = File.Exists("/usr/sbin/nats-server") ? "/usr/sbin/nats-server" : "nats-server";

    public static async Task<NatsServer> StartAsync()
    {
        var store = Path.Combine(Path.GetTempPath(), "ticketing-nats-" + Guid.NewGuid().ToString("N")[..8]);
        var server = new NatsServer(FreePort.Next(), store);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port and store, and waits until it takes connections.</summary>
    public async Task RestartAsync()
    {
        Assert.False(IsRunning, "nats-server is already running");
        lock (output)
        {
            output.Clear();
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-js", "-c", ConfigPath, "-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-sd", StoreDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsConnectionsAsync())
        {
            Assert.True(!process.HasExited, $"nats-server exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"nats-server did not listen on {Port} within {StartTimeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Kills the server the way a crash would (no shutdown), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

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

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(StoreDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return Output.Contains("Server is ready", StringComparison.Ordinal);
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

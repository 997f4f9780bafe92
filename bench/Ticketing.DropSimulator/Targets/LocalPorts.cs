using System.Net;
using System.Net.Sockets;

namespace Ticketing.DropSimulator.Targets;

public static class LocalPorts
{
    /// <summary>Distinct loopback ports nothing listens on right now (the OS picks them, all held open at once).</summary>
    public static int[] Free(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }

    /// <summary>Whether something accepts connections on 127.0.0.1 or ::1 at <paramref name="port"/>.</summary>
    public static bool InUse(int port) => Accepts(IPAddress.Loopback, port) || Accepts(IPAddress.IPv6Loopback, port);

    private static bool Accepts(IPAddress address, int port)
    {
        try
        {
            using var client = new TcpClient(address.AddressFamily);
            return client.ConnectAsync(address, port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

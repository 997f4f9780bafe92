using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;
using Ticketing.Common;

namespace Ticketing.Gateway.Infrastructure;

public static class ClusterFaults
{
    /// <summary>
    /// A call the cluster could not deliver or answer: a silo died or is unreachable, a connection broke, a
    /// gateway is overloaded, the grain directory is being handed over while membership changes, or a grain's
    /// activation was cut short (an event re-activated after its silo died rebuilds its ledger from its seats'
    /// tickets, and Orleans cancels an activation that outlasts its deadline). These pass by themselves and a
    /// retry lands on a live silo, so the caller gets 503 with Retry-After, never a 500.
    /// </summary>
    /// <remarks>
    /// When Orleans rejects a request because of an exception (it could not connect to the target silo while
    /// forwarding, or could not address the grain during a directory hand-over), the caller receives that exception
    /// itself rather than <see cref="OrleansMessageRejectionException"/>: a bare
    /// <see cref="ConnectionFailedException"/> or a bare <see cref="OrleansException"/>. Subclasses of
    /// <see cref="OrleansException"/> not listed here (configuration, missing grain extension, limits) are faults in
    /// the product, not in the cluster, and stay 500s. A cancellation because the HTTP client went away never gets
    /// here: ASP.NET Core ends such a request with 499 before any exception handler runs.
    /// </remarks>
    public static bool IsClusterFault(Exception exception) => ExceptionChain.Any(exception, static e =>
        e is TimeoutException
            or OperationCanceledException
            or SiloUnavailableException
            or OrleansMessageRejectionException
            or GatewayTooBusyException
            or ConnectionFailedException
            or SocketConnectionException
        || e.GetType() == typeof(OrleansException));
}

using System.Collections.Concurrent;
using Ticketing.Tickets;

namespace Ticketing.Testing;

/// <summary>
/// Holds back a ticket's answer to its event's ledger rebuild (<see cref="ITicketGrain.GetHoldAsync"/>) on the event's
/// side: the ticket has answered and goes on with its life, the event sees the answer only once the test lets it
/// through. Registered as an outgoing call filter by the silos of tests that rebuild an event's ledger.
/// </summary>
public sealed class RecallGate : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<GrainId, Gate> Gates = new();

    /// <summary>Holds back the answers of <paramref name="ticket"/> until the returned gate is opened or disposed.</summary>
    public static Gate Hold(ITicketGrain ticket)
    {
        var gate = new Gate(ticket.GetGrainId());
        Gates[gate.Ticket] = gate;
        return gate;
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.Name == nameof(ITicketGrain.GetHoldAsync) && Gates.TryGetValue(context.TargetId, out var gate))
        {
            gate.Answered.TrySetResult();
            await gate.Opened.Task;
        }
    }

    public sealed class Gate(GrainId ticket) : IDisposable
    {
        public GrainId Ticket { get; } = ticket;

        internal TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once the ticket has answered and its answer is being held back.</summary>
        public Task HoldingAnAnswer => Answered.Task;

        public void Open()
        {
            Gates.TryRemove(Ticket, out _);
            Opened.TrySetResult();
        }

        public void Dispose() => Open();
    }
}

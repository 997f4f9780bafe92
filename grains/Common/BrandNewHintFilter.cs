namespace Ticketing.Common;

/// <summary>
/// Drops a <see cref="BrandNewGrain"/> announcement before the grain method runs: it served the activation the call
/// woke, and must not travel on with the calls, one-way messages and stream events the grain sends in turn. A grain
/// that believed itself brand new while it is not would act on an empty state (an order that thinks it never
/// existed releases the seat it holds), so the hint lives for exactly one message.
/// </summary>
public sealed class BrandNewHintFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        BrandNewGrain.Forget();
        return context.Invoke();
    }
}

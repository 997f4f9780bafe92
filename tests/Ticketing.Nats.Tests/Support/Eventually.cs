namespace Ticketing.Nats.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> at the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {within.TotalSeconds:0.#} s waiting until {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string what) =>
        TrueAsync(() => Task.FromResult(condition()), within, what);
}

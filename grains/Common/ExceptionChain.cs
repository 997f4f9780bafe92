namespace Ticketing.Common;

public static class ExceptionChain
{
    /// <summary>Whether the exception or any of its inner exceptions matches.</summary>
    public static bool Any(Exception exception, Func<Exception, bool> match)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (match(e))
            {
                return true;
            }
        }

        return false;
    }
}

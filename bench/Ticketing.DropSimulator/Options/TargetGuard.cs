using System.Net;

namespace Ticketing.DropSimulator.Options;

/// <summary>
/// A load generator aimed at the wrong host is an attack. Only loopback targets are allowed unless the
/// operator says otherwise with <c>--allow-remote</c>; names other than <c>localhost</c> are not resolved.
/// </summary>
public static class TargetGuard
{
    public static bool IsLoopback(Uri url) =>
        url.IsLoopback
        || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public static string? Refusal(Uri url, bool allowRemote)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"--url must be http:// or https://, not {url.Scheme}://";
        }

        if (url.AbsolutePath != "/" || !string.IsNullOrEmpty(url.Query))
        {
            return "--url is the gateway's base address (scheme, host, port) without a path";
        }

        return allowRemote || IsLoopback(url)
            ? null
            : $"{url.Host} is not a loopback address; pass --allow-remote to load a gateway on another machine you operate";
    }
}

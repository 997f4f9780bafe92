using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Ticketing.Gateway.Infrastructure;

/// <summary>
/// Serves the storefront bundle from wwwroot: hashed assets are cached for a year, the page itself is
/// revalidated every time, and every other GET that is not an API route or a file gets the page (SPA routes).
/// </summary>
public static class Storefront
{
    private static readonly StaticFileOptions Files = new()
    {
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
        OnPrepareResponse = context =>
        {
            var immutable = context.Context.Request.Path.StartsWithSegments("/assets");
            context.Context.Response.Headers[HeaderNames.CacheControl] = immutable
                ? "public, max-age=31536000, immutable"
                : "no-cache";
        },
    };

    public static WebApplication UseStorefront(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(Files);
        return app;
    }

    public static WebApplication MapStorefrontFallback(this WebApplication app)
    {
        app.MapFallbackToFile("{*path:regex(^(?!api/).*$):nonfile}", "index.html", Files)
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        return app;
    }
}

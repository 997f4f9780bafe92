using Microsoft.AspNetCore.Http.Metadata;

namespace Ticketing.Gateway.Infrastructure;

public static class JsonBodyConvention
{
    /// <summary>
    /// Lets a request reach its endpoint whatever its Content-Type, so authentication answers first (401 before
    /// 415, as the contract orders them); the JSON binder still refuses a non-JSON body with 415 afterwards.
    /// Without this, routing would answer 415 before anyone looked at the token.
    /// </summary>
    public static TBuilder CheckContentTypeAfterAuth<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
            {
                if (endpoint.Metadata[i] is IAcceptsMetadata)
                {
                    endpoint.Metadata.RemoveAt(i);
                }
            }
        });
        return builder;
    }
}

using Asp.Versioning;
using Microsoft.AspNetCore.Routing;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

public static class EndpointRoutes
{
    /// <summary>The route with its API version in place of <c>{version:apiVersion}</c> (v1 or v2, as the controller declares).</summary>
    public static string VersionedRoute(this RouteEndpoint endpoint)
    {
        var version = endpoint.Metadata.GetMetadata<ApiVersionMetadata>()?.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).ImplementedApiVersions.FirstOrDefault();
        return endpoint.RoutePattern.RawText!.Replace("{version:apiVersion}", $"{version?.MajorVersion ?? 1}", StringComparison.Ordinal);
    }
}

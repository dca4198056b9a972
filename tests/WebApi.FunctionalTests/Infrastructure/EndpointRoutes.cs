using Asp.Versioning;
using Microsoft.AspNetCore.Routing;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

public static class EndpointRoutes
{
    /// <summary>
    /// The route with its API version in place of <c>{version:apiVersion}</c> (v1 or v2, as the controller declares).
    /// Declared, not implemented: the v1 and v2 controllers of one name form one API that implements both versions,
    /// and an action that exists only in v2 would otherwise be probed under v1.
    /// </summary>
    public static string VersionedRoute(this RouteEndpoint endpoint)
    {
        var version = endpoint.Metadata.GetMetadata<ApiVersionMetadata>()?.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).DeclaredApiVersions.FirstOrDefault();
        return endpoint.RoutePattern.RawText!.Replace("{version:apiVersion}", $"{version?.MajorVersion ?? 1}", StringComparison.Ordinal);
    }
}

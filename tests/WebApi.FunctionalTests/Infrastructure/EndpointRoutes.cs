using Microsoft.AspNetCore.Routing;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

public static class EndpointRoutes
{
    /// <summary>
    /// The route as a client calls it. Routes spell their API version out (<c>api/v1/...</c>, checked against the
    /// controller's namespace by the architecture tests), so this is the route pattern itself.
    /// </summary>
    public static string VersionedRoute(this RouteEndpoint endpoint) => endpoint.RoutePattern.RawText!;
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c>: the addresses of the reverse proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed. Empty by default — then the headers are ignored and the connection's address is
/// the client's, so nobody can pick the address that rate limits, lockout and the audit trail see.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) => KnownProxies(configuration).Count > 0;

    private static List<IPAddress> KnownProxies(IConfiguration configuration) =>
        configuration.GetSection(SectionName).GetSection("KnownProxies").Get<string[]>()?
            .Select(p => IPAddress.TryParse(p, out var address) ? address : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToList() ?? [];
}

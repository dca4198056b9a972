using Asp.Versioning;
using Asp.Versioning.Conventions;

namespace InfiniteSecurity.WebApi.OpenApi;

/// <summary>
/// API versions by URL segment (<c>/api/v1</c>, <c>/api/v2</c>), taken from the controller's namespace
/// (<c>Controllers.V1</c> → 1.0), so a controller cannot claim a version its folder does not say; its route spells the
/// same version out (checked by an architecture test) and <see cref="PathApiVersionReader"/> reads it back. Every response
/// reports <c>api-supported-versions</c>. Where an API has a v2 (analyze), its v1 announces its deprecation (RFC 9745
/// <c>Deprecation</c> header and a <c>Link rel="deprecation"</c>) because v2 carries the evidence v1 lacks; v1 keeps
/// working (no sunset date). APIs that exist only in v1 are current and say nothing of the kind.
/// </summary>
internal static class ApiVersioningSetup
{
    public static readonly ApiVersion V1 = new(1);

    /// <summary>The API (controller name) whose v1 has a v2 successor.</summary>
    private const string SupersededInV2 = "Analyze";

    /// <summary>The day v2 became the recommended contract.</summary>
    private static readonly DateTimeOffset V1DeprecatedSince = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    public static IServiceCollection AddVersionedApi(this IServiceCollection services)
    {
        services.AddApiVersioning(o =>
            {
                o.DefaultApiVersion = V1;
                o.ApiVersionReader = new PathApiVersionReader();
                o.ReportApiVersions = true;
                o.Policies.Deprecate(SupersededInV2, V1)
                    .Effective(V1DeprecatedSince)
                    .Link("/swagger/v2/swagger.json")
                    .Title("InfiniteSecurity API v2")
                    .Type("application/json");
            })
            .AddMvc(o => o.Conventions.Add(new VersionByNamespaceConvention()))
            .AddApiExplorer(o =>
            {
                // Group names "v1", "v2": one OpenAPI document each.
                o.GroupNameFormat = "'v'V";
            });
        return services;
    }
}

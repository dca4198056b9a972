using InfiniteSecurity.Application;
using InfiniteSecurity.Infrastructure;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi;
using InfiniteSecurity.WebApi.Http;
using InfiniteSecurity.WebApi.Observability;
using InfiniteSecurity.WebApi.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

var builder = WebApplication.CreateBuilder(args);

// The seed's port when nothing else is configured (--urls, ASPNETCORE_URLS or Urls override it).
if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:8000");
}

// The metrics port is an extra listener beside whatever the API listens on.
if (ObservabilitySetup.MetricsUrl(builder.Configuration) is { } metricsUrl)
{
    var apiUrls = builder.Configuration["urls"] is { Length: > 0 } urls ? urls : builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "http://localhost:8000";
    builder.WebHost.UseUrls($"{apiUrls};{metricsUrl}");
}

builder.Services
    .AddApplication(builder.Configuration)
    .AddInfrastructure(builder.Configuration, builder.Environment)
    .AddWebApi(builder.Configuration)
    .AddObservability(builder.Configuration);

builder.WebHost.ConfigureKestrel((context, kestrel) =>
{
    kestrel.AddServerHeader = false;

    // Twice the limits RequestSizeLimits enforces, so that those refusals are problem+json rather than Kestrel's empty answer.
    kestrel.Limits.MaxRequestLineSize = 2 * RequestSizeLimits.MaxRequestTargetBytes;
    kestrel.Limits.MaxRequestHeadersTotalSize = 2 * RequestSizeLimits.MaxRequestHeaderBytes;
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.MaxRequestBodyBytes
        ?? new ApiOptions().MaxRequestBodyBytes;
});

var app = builder.Build();

if (ForwardedHeadersSetup.IsEnabled(app.Configuration))
{
    app.UseForwardedHeaders();
}

app.UseMetricsEndpoint();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestSizeLimits();

if (app.Environment.IsProduction())
{
    app.UseHsts();

    // Health probes come over plain HTTP from inside the cluster; everything else belongs on HTTPS.
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
}

// The dashboard: index.html at /, its bundle beside it. Routing is by URL fragment, so no fallback route is needed
// and an unknown /api path stays a problem+json 404. The page is revalidated so that a new build is picked up.
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
});

// Off by default in Production: the OpenAPI documents map the whole attack surface.
var swaggerEnabled = app.Configuration.GetValue("Swagger:Enabled", !app.Environment.IsProduction());
if (swaggerEnabled)
{
    app.UseSwagger();
    app.UseSwaggerUI(o =>
    {
        o.SwaggerEndpoint("/swagger/v1/swagger.json", "InfiniteSecurity API v1");
        o.SwaggerEndpoint("/swagger/v2/swagger.json", "InfiniteSecurity API v2");
        o.DocumentTitle = "InfiniteSecurity API";
    });
}

app.UseAuthentication();
if (RateLimitingSetup.IsEnabled(app.Configuration))
{
    // After authentication so the API limit is per client (token subject), not per address.
    app.UseRateLimiter();
}

app.UseAuthorization();

app.MapControllers();
app.MapMetricsEndpoint();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteAsync }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponses.WriteAsync }).AllowAnonymous();

await app.Services.InitialiseDatabaseAsync();
if (args.Contains("--migrate-only", StringComparer.Ordinal))
{
    // The deployment's migration job: apply the schema, then stop before serving.
    app.Logger.LogInformation("Database is up to date; exiting (--migrate-only)");
    return;
}

await BootstrapAdmin.EnsureAsync(app.Services, app.Logger);

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        app.Logger.LogInformation("InfiniteSecurity listening on {Address}", address);
        if (swaggerEnabled)
        {
            Console.WriteLine($"Swagger UI: {address.TrimEnd('/')}/swagger");
        }
    }
});

await app.RunAsync();

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;

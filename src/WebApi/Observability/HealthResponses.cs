using System.Text.Json;
using InfiniteSecurity.WebApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfiniteSecurity.WebApi.Observability;

/// <summary>
/// Probes get the status word only; an admin (bearer token) also gets each check with its status, duration and the
/// data it reports (for example each SIEM forwarder's lag). Check descriptions and exception messages are never
/// written: they can name hosts, paths or connection details.
/// </summary>
internal static class HealthResponses
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var isAdmin = http.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(http.User, Policies.Admin)).Succeeded;
        if (!isAdmin)
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync(report.Status.ToString());
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsJsonAsync(new
        {
            Status = report.Status.ToString(),
            DurationMs = report.TotalDuration.TotalMilliseconds,
            Checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                Status = e.Value.Status.ToString(),
                DurationMs = e.Value.Duration.TotalMilliseconds,
                Data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, Json);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfiniteSecurity.WebApi.Http;

/// <summary>
/// Readiness as JSON: the overall status and, per check, its status, description and data (for example each SIEM
/// forwarder's lag). Exceptions are never written: this endpoint needs no token.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new Dictionary<string, object?>
                {
                    ["status"] = e.Value.Status.ToString(),
                    ["description"] = e.Value.Description,
                    ["data"] = e.Value.Data.Count == 0 ? null : e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// The RFC 9457 answers of the middleware. Written by hand rather than through the app's IProblemDetailsService, so
/// they look the same in every app and never depend on what the app registered; nothing of the request is echoed.
/// </summary>
internal static class BlockedResponse
{
    public const string ForbiddenType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";
    public const string ContentTooLargeType = "https://tools.ietf.org/html/rfc9110#section-15.5.14";

    public static Task WriteForbiddenAsync(HttpContext context, string family, string? ruleId) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, ForbiddenType, "Request blocked",
            "The request was blocked by threat detection.", family, ruleId);

    public static Task WriteContentTooLargeAsync(HttpContext context, int limit) =>
        WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ContentTooLargeType, "Request body too large",
            $"Bodies over {limit} bytes are not accepted.", null, null);

    private static async Task WriteAsync(HttpContext context, int status, string type, string title, string detail, string? family, string? ruleId)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        response.Headers.CacheControl = "no-store";

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
            if (family is not null)
            {
                json.WriteString("family", family);
            }

            if (ruleId is not null)
            {
                json.WriteString("rule_id", ruleId);
            }

            json.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}

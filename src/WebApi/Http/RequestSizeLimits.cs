using InfiniteSecurity.WebApi.ErrorHandling;
using Microsoft.AspNetCore.Http.Features;

namespace InfiniteSecurity.WebApi.Http;

/// <summary>
/// The request-line and header limits, enforced here rather than by Kestrel, so that the refusal is a problem+json
/// answer (414, 431) like every other error. Kestrel's own limits are set to twice these: only a request beyond
/// that (or one Kestrel cannot parse at all) still gets Kestrel's empty-bodied answer.
/// </summary>
internal static class RequestSizeLimits
{
    public const int MaxRequestTargetBytes = 8 * 1024;
    public const int MaxRequestHeaderBytes = 32 * 1024;

    public static IApplicationBuilder UseRequestSizeLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > MaxRequestTargetBytes)
        {
            await Problems.WriteAsync(context, StatusCodes.Status414UriTooLong, "Request URI too long", $"The request target is longer than {MaxRequestTargetBytes} bytes.");
            return;
        }

        long headerBytes = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            headerBytes += name.Length + 4;
            foreach (var value in values)
            {
                headerBytes += value?.Length ?? 0;
            }
        }

        if (headerBytes > MaxRequestHeaderBytes)
        {
            await Problems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request header fields too large", $"The request headers are larger than {MaxRequestHeaderBytes} bytes.");
            return;
        }

        await next(context);
    });
}

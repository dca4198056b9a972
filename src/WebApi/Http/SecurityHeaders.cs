namespace InfiniteSecurity.WebApi.Http;

/// <summary>
/// Response headers every answer carries: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors), no
/// referrer; a CSP that allows nothing for API answers and only same-origin scripts (no eval) for Swagger UI; and
/// <c>no-store</c> on everything under /api and /connect, token responses included, unless an action says otherwise.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Swagger UI 5 loads its bundle, presets and index.js from the same origin and runs no inline script; its React
    // components set inline styles, and its icons are data: URIs.
    private const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : ApiPolicy;
            if ((context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/connect")) && headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}

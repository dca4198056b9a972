namespace InfiniteSecurity.WebApi.Http;

/// <summary>
/// Response headers every answer carries: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors), no
/// referrer; a CSP that allows nothing for API answers, only same-origin scripts (no eval) for Swagger UI, and only the
/// dashboard's own script, stylesheet and API (no inline script or style at all) for the dashboard's files; and
/// <c>no-store</c> on everything under /api and /connect, token responses included, unless an action says otherwise.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Swagger UI 5 loads its bundle, presets and index.js from the same origin and runs no inline script; its React
    // components set inline styles, and its icons are data: URIs.
    private const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The dashboard (wwwroot) is one module script and one stylesheet from this origin; it builds its DOM with
    // createElement and sets sizes through the CSSOM, so neither inline script nor inline style is needed.
    private const string DashboardPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = PolicyFor(context.Request.Path);
            if ((context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/connect")) && headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    private static string PolicyFor(PathString path)
    {
        if (path.StartsWithSegments("/swagger"))
        {
            return SwaggerPolicy;
        }

        return IsDashboard(path) ? DashboardPolicy : ApiPolicy;
    }

    /// <summary>The dashboard's page and its bundle: the root and the files the front-end build writes to wwwroot.</summary>
    public static bool IsDashboard(PathString path) =>
        path.Value is "/" or "/index.html" or "/app.js" or "/app.css" or "/favicon.svg";
}

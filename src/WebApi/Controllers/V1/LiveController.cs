using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using InfiniteSecurity.WebApi.Security;
using InfiniteSecurity.WebApi.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Server-Sent Events for the dashboard (analysts and admins).</summary>
[ApiController]
[Route("api/v1/live")]
[Authorize(Policy = Policies.Analyst)]
public sealed class LiveController(LiveThreatFeed feed, TimeProvider time) : ControllerBase
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>text/event-stream</c>: <c>event: ready</c> once subscribed, then <c>event: threat</c> with
    /// <c>{"id":"…"}</c> within about a second of a new threat being stored (by any instance on the same database),
    /// and a comment line every 15 s. The stream ends when the access token expires; reconnect with a fresh one.
    /// Send the bearer token in the Authorization header (fetch streaming), never in the URL.
    /// </summary>
    [HttpGet]
    [Produces("text/event-stream")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task Stream(CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(UntilTokenExpiry(User), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        using var subscription = await feed.SubscribeAsync(cancellationToken);

        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-store";
        // Keeps reverse proxies such as nginx from holding the events back in their buffers.
        Response.Headers["X-Accel-Buffering"] = "no";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await WriteAsync("event: ready\ndata: {}\n\n", linked.Token);
            while (!linked.Token.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
                wait.CancelAfter(KeepAlive);
                try
                {
                    var id = await subscription.Signals.ReadAsync(wait.Token);
                    await WriteAsync($"event: threat\ndata: {JsonSerializer.Serialize(new { id })}\n\n", linked.Token);
                }
                catch (OperationCanceledException) when (!linked.Token.IsCancellationRequested)
                {
                    await WriteAsync(": keep-alive\n\n", linked.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The client left or its token expired: either way the stream is over.
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await Response.WriteAsync(text, cancellationToken);
        await Response.Body.FlushAsync(cancellationToken);
    }

    private TimeSpan UntilTokenExpiry(ClaimsPrincipal user)
    {
        var exp = user.FindFirst("exp")?.Value;
        if (exp is null || !long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromMinutes(15);
        }

        var left = DateTimeOffset.FromUnixTimeSeconds(seconds) - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1);
    }
}

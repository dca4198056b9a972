using System.Text;
using InfiniteSecurity.Application.Siem.Formats;
using InfiniteSecurity.Application.Siem.ListSecurityEvents;
using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>The security event stream for SIEMs: threats and audit events in one ordered, resumable stream.</summary>
[ApiController]
[Route("api/v1/siem")]
[Authorize(Policy = Policies.SiemRead)]
public sealed class SiemController(IMediator mediator) : ControllerBase
{
    public const string NextCursorHeader = "X-Next-Cursor";
    public const string HasMoreHeader = "X-Has-More";

    /// <summary>Security events after <c>cursor</c>, oldest first.</summary>
    /// <remarks>
    /// At least once, never skipping: resume from <c>next_cursor</c> (also in <c>Link: rel="next"</c> and
    /// <c>X-Next-Cursor</c>) and de-duplicate by event <c>id</c>. Formats: <c>json</c> (default), <c>ocsf</c>,
    /// <c>ecs</c> (JSON pages), <c>cef</c>, <c>leef</c> (text, one event per line; cursor in the headers).
    /// <c>types</c> is a comma-separated list of event types (THREAT_DETECTED, LOGIN_FAILED, ...). <c>since</c> and
    /// <c>until</c> (ISO 8601) keep events that happened in [since, until), for pollers that work in time windows.
    /// Machine clients need the <c>siem:read</c> scope; analysts and admins may read too.
    /// </remarks>
    /// <response code="200">A page (possibly empty).</response>
    /// <response code="400">Malformed cursor, limit outside 1–1000, unknown format or malformed types.</response>
    /// <response code="410">The cursor points before events that retention has deleted; start again without a cursor.</response>
    [HttpGet("events")]
    [Produces("application/json", "text/plain")]
    [ProducesResponseType<SecurityEventsResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, "application/problem+json")]
    public async Task<IActionResult> Events(
        [FromQuery] string? cursor,
        [FromQuery] int limit = ListSecurityEventsQuery.DefaultLimit,
        [FromQuery] string format = SecurityEventFormat.Json,
        [FromQuery] string? types = null,
        [FromQuery] DateTimeOffset? since = null,
        [FromQuery] DateTimeOffset? until = null,
        CancellationToken cancellationToken = default)
    {
        var page = await mediator.Send(new ListSecurityEventsQuery(cursor, limit, types, format, since, until), cancellationToken);
        var next = QueryString.Create([
            new("cursor", page.NextCursor), new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("format", format),
            .. string.IsNullOrEmpty(types) ? Array.Empty<KeyValuePair<string, string?>>() : [new("types", types)],
            .. since is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("since", since.Value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))],
            .. until is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("until", until.Value.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture))],
        ]);
        Response.Headers.Append("Link", $"<{Request.PathBase}{Request.Path}{next}>; rel=\"next\"");
        Response.Headers[NextCursorHeader] = page.NextCursor;
        Response.Headers[HasMoreHeader] = page.HasMore ? "true" : "false";

        if (SecurityEventFormat.IsLineFormat(format))
        {
            var text = new StringBuilder();
            foreach (var e in page.Events)
            {
                text.Append(format == SecurityEventFormat.Cef ? CefFormat.ToLine(e) : LeefFormat.ToLine(e)).Append('\n');
            }

            return Content(text.ToString(), "text/plain; charset=utf-8", Encoding.UTF8);
        }

        var events = page.Events.Select(e => format switch
        {
            SecurityEventFormat.Ocsf => OcsfFormat.ToJson(e),
            SecurityEventFormat.Ecs => EcsFormat.ToJson(e),
            _ => NativeJsonFormat.ToJson(e),
        }).ToList();
        return Ok(new SecurityEventsResponse(events, page.NextCursor, page.HasMore));
    }
}

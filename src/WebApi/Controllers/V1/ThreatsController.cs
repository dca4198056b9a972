using InfiniteSecurity.Application.Threats.GetThreat;
using InfiniteSecurity.Application.Threats.GetThreatInput;
using InfiniteSecurity.Application.Threats.ListThreats;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Stored threats. Users and machine clients see their own; analysts and admins see all.</summary>
[ApiController]
[Route("api/v1/threats")]
[Authorize(Policy = Policies.Analyze)]
[Produces("application/json")]
public sealed class ThreatsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Threats visible to the caller, filtered and in keyset pages. Filters combine with AND. Pass the response's
    /// <c>next_cursor</c> as <c>cursor</c> (with the same filters and sort) for the next page; it is null on the last.
    /// The old <c>page</c> parameter is refused with 400.
    /// </summary>
    /// <param name="type">Attack family, e.g. <c>sql_injection</c>.</param>
    /// <param name="severity"><c>low|medium|high|critical</c>.</param>
    /// <param name="action">Decision action, e.g. <c>BLOCK_IMMEDIATE</c>.</param>
    /// <param name="user">User or machine client id.</param>
    /// <param name="sourceIp">Source address.</param>
    /// <param name="from">Detected at or after (ISO-8601, UTC).</param>
    /// <param name="to">Detected before (ISO-8601, UTC).</param>
    /// <param name="review"><c>unreviewed|true_positive|false_positive</c>.</param>
    /// <param name="q">Case-insensitive substring of the evidence (≤ 200 characters).</param>
    /// <param name="sort"><c>detected_at</c> (default), <c>risk_score</c> or <c>severity</c>, highest/newest first.</param>
    /// <param name="pageSize">1..500, default 50.</param>
    /// <param name="cursor">The previous page's <c>next_cursor</c>; an altered cursor is 400.</param>
    /// <param name="page">Refused: replaced by <c>cursor</c>.</param>
    /// <param name="cancellationToken">Aborts the query when the caller goes away.</param>
    [HttpGet]
    [ProducesResponseType<ThreatPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<ThreatPage> List(
        [FromQuery] string? type,
        [FromQuery] string? severity,
        [FromQuery] string? action,
        [FromQuery] string? user,
        [FromQuery(Name = "source_ip")] string? sourceIp,
        [FromQuery] DateTime? from,
        [FromQuery] DateTime? to,
        [FromQuery] string? review,
        [FromQuery] string? q,
        [FromQuery] string? sort,
        [FromQuery(Name = "page_size")] int pageSize = ListThreatsQuery.DefaultPageSize,
        [FromQuery] string? cursor = null,
        [FromQuery] string? page = null,
        CancellationToken cancellationToken = default) =>
        mediator.Send(new ListThreatsQuery
        {
            Type = type, Severity = severity, Action = action, User = user, SourceIp = sourceIp, From = from, To = to,
            Review = review, Q = q, Sort = sort, PageSize = pageSize, Cursor = cursor, Page = page,
        }, cancellationToken);

    /// <summary>One threat with its findings (rule, family, location, evidence span) and review state; another user's threat is 404.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ThreatDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ThreatDetail> Get(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetThreatQuery(id), cancellationToken);

    /// <summary>
    /// The whole input of a threat, decrypted, when it was kept (<c>Threats:StoreInput=Encrypted</c> when it was detected).
    /// Analysts and admins only; every read, and every attempt, is audited (<c>THREAT_INPUT_READ</c>).
    /// </summary>
    /// <response code="200">The input as received, with its content type.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Neither analyst nor admin (the threat's own user included).</response>
    /// <response code="404">No input is stored for this threat: not kept when it was detected, or deleted by retention.</response>
    /// <response code="500">The input is stored but no key of this instance's key ring opens it.</response>
    [HttpGet("{id:guid}/input")]
    [Authorize(Policy = Policies.Analyst)]
    [ProducesResponseType<ThreatInputView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status500InternalServerError, "application/problem+json")]
    public Task<ThreatInputView> GetInput(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetThreatInputQuery(id), cancellationToken);
}

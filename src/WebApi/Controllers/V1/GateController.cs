using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>The decision point for nginx <c>auth_request</c> in front of any application (see deploy/nginx).</summary>
[ApiController]
[Route("api/v1/gate")]
[Authorize(Policy = Policies.Analyze)]
public sealed class GateController(IMediator mediator) : ControllerBase
{
    public const string RuleHeader = "X-InfiniteSecurity-Rule";
    public const string RequestIdHeader = "X-InfiniteSecurity-Request-Id";

    /// <summary>Allow or block the client request described by the X-Original-* headers and the forwarded client headers.</summary>
    /// <remarks>
    /// nginx sends <c>X-Original-Method</c>, <c>X-Original-URI</c> (and <c>X-Original-Host</c>,
    /// <c>X-Original-Authorization</c>, <c>X-Original-Remote-Addr</c>) plus the client's own headers; the body is not
    /// available to an auth subrequest and is not inspected. A blocked request is stored as a threat.
    /// Authenticate with a machine client token with the <c>analyze</c> scope.
    /// </remarks>
    /// <response code="204">Allow: pass the request on.</response>
    /// <response code="400">X-Original-Method or X-Original-URI missing or malformed.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Block (with X-InfiniteSecurity-Rule naming the winning rule), or the token lacks the <c>analyze</c> scope.</response>
    [HttpGet]
    [EnableRateLimiting(RateLimitingSetup.Gate)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public async Task<IActionResult> Check(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(GateRequestReader.Read(Request), cancellationToken);
        Response.Headers[RequestIdHeader] = result.RequestId.ToString();
        if (!result.Decision.Blocked)
        {
            return NoContent();
        }

        Response.Headers[RuleHeader] = result.WinningRule;
        return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Request blocked",
            detail: $"{result.Verdict.Analysis.Category} detected (rule {result.WinningRule}); request {result.RequestId}.");
    }
}

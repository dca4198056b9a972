using InfiniteSecurity.Application.Rules.ListRules;
using InfiniteSecurity.Application.Rules.ResetRule;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>The detection rule catalogue (analysts and admins).</summary>
[ApiController]
[Route("api/v1/detection/rules")]
[Authorize(Policy = Policies.Analyst)]
[Produces("application/json")]
public sealed class DetectionRulesController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Every rule: id, family, base weight and its bounds, the weight in effect now, reason, CWE and CAPEC, the
    /// analysts' true/false positive counts and the last change of its weight (when, by whom, why).
    /// </summary>
    /// <response code="200">The catalogue, ordered by family then id.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Neither analyst nor admin.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<RuleSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public Task<IReadOnlyList<RuleSummary>> List(CancellationToken cancellationToken) => mediator.Send(new ListRulesQuery(), cancellationToken);

    /// <summary>Put a rule back to its base weight and clear its feedback counts (admins only; audited).</summary>
    /// <response code="200">The rule as it is now.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Not an admin.</response>
    /// <response code="404">No rule has this id.</response>
    [HttpPost("{id}/reset")]
    [Authorize(Policy = Policies.Admin)]
    [ProducesResponseType<RuleSummary>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<RuleSummary> Reset(string id, CancellationToken cancellationToken) => mediator.Send(new ResetRuleCommand(id), cancellationToken);
}

using InfiniteSecurity.Application.Rules.ListRules;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>The detection rule catalogue (analysts and admins).</summary>
[ApiController]
[Route("api/v{version:apiVersion}/detection/rules")]
[Authorize(Policy = Policies.Analyst)]
[Produces("application/json")]
public sealed class DetectionRulesController(IMediator mediator) : ControllerBase
{
    /// <summary>Every rule: id, family, base weight and its bounds, the weight in effect now, reason, CWE and CAPEC.</summary>
    /// <response code="200">The catalogue, ordered by family then id.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Neither analyst nor admin.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<RuleSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public Task<IReadOnlyList<RuleSummary>> List(CancellationToken cancellationToken) => mediator.Send(new ListRulesQuery(), cancellationToken);
}

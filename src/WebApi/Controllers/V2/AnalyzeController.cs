using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.WebApi.Contracts;
using InfiniteSecurity.WebApi.Contracts.V2;
using MediatR;
using InfiniteSecurity.WebApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V2;

/// <summary>Threat analysis of user input (v2: with the evidence behind the verdict).</summary>
[ApiController]
[Route("api/v{version:apiVersion}/analyze")]
[Consumes("application/json")]
[Authorize(Policy = Policies.Analyze)]
public sealed class AnalyzeController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Analyse one input and return every finding with its matched span and reason; optionally at another depth
    /// (<c>analysis_depth</c>) and with remediation advice per attack family (<c>include_recommendations</c>).
    /// </summary>
    /// <response code="200">The verdict with its findings.</response>
    /// <response code="400">Missing, empty or too long input, unknown analysis depth, or malformed JSON.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">The token lacks the <c>analyze</c> scope, or may only change the password or enrol MFA.</response>
    /// <response code="413">The request body is larger than the configured maximum.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPost]
    [ProducesResponseType<AnalyzeV2Response>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public async Task<AnalyzeV2Response> Analyze(AnalyzeRequestV2? request, CancellationToken cancellationToken)
        => AnalyzeResponseMapper.ToV2(await mediator.Send(new AnalyzeInputCommand(request?.Input, request?.AnalysisDepth), cancellationToken),
            request?.IncludeRecommendations ?? false);
}

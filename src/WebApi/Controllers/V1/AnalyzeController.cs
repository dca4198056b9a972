using InfiniteSecurity.Application.Threats.AnalyzeInput;
using InfiniteSecurity.WebApi.Contracts;
using InfiniteSecurity.WebApi.Contracts.V1;
using MediatR;
using InfiniteSecurity.WebApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Threat analysis of user input (v1).</summary>
[ApiController]
[Route("api/v1/analyze")]
[Consumes("application/json")]
[Authorize(Policy = Policies.Analyze)]
public sealed class AnalyzeController(IMediator mediator) : ControllerBase
{
    /// <summary>Analyse one input: is it an attack, how sure, and what to do.</summary>
    /// <remarks>A detected threat is stored with its evidence (never the whole input) before the answer is sent.</remarks>
    /// <response code="200">The verdict.</response>
    /// <response code="400">Missing, empty or too long input, or malformed JSON.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">The token lacks the <c>analyze</c> scope, or may only change the password or enrol MFA.</response>
    /// <response code="413">The request body is larger than the configured maximum.</response>
    /// <response code="415">The body is not JSON.</response>
    [HttpPost]
    [ProducesResponseType<AnalyzeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    public async Task<AnalyzeResponse> Analyze(AnalyzeRequest? request, CancellationToken cancellationToken)
        => AnalyzeResponseMapper.ToV1(await mediator.Send(new AnalyzeInputCommand(request?.Input), cancellationToken));
}

using InfiniteSecurity.Application.Feedback.Common;
using InfiniteSecurity.Application.Feedback.ListFeedback;
using InfiniteSecurity.Application.Feedback.SubmitFeedback;
using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>
/// Analysts' verdicts on stored threats (analysts and admins). Each verdict re-weights the rules that matched the
/// threat (see GET /api/v1/detection/rules); the change is audited and reaches every instance within seconds.
/// </summary>
[ApiController]
[Route("api/v1/threats/{id:guid}/feedback")]
[Authorize(Policy = Policies.Analyst)]
[Produces("application/json")]
public sealed class ThreatFeedbackController(IMediator mediator) : ControllerBase
{
    /// <summary>Every analyst's verdict on the threat, oldest first.</summary>
    /// <response code="200">The verdicts (empty when none yet).</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Neither analyst nor admin.</response>
    /// <response code="404">No threat has this id.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ThreatFeedbackView>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<IReadOnlyList<ThreatFeedbackView>> List(Guid id, CancellationToken cancellationToken) => mediator.Send(new ListFeedbackQuery(id), cancellationToken);

    /// <summary>
    /// Give a verdict. One verdict per analyst per threat: a second one replaces the first (its counts are moved,
    /// not added). Every rule in the threat's <c>patterns_matched</c> has its true/false positive count updated and
    /// its weight re-estimated within the rule's floor and ceiling.
    /// </summary>
    /// <response code="200">The stored verdict; the new weights are in force on this instance at once.</response>
    /// <response code="400">Unknown verdict or comment too long.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">Neither analyst nor admin.</response>
    /// <response code="404">No threat has this id.</response>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<ThreatFeedbackView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ThreatFeedbackView> Submit(Guid id, SubmitFeedbackRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new SubmitFeedbackCommand(id, request.Verdict, request.Comment), cancellationToken);
}

using InfiniteSecurity.Application.Exclusions.Common;
using InfiniteSecurity.Application.Exclusions.CreateExclusion;
using InfiniteSecurity.Application.Exclusions.GetExclusion;
using InfiniteSecurity.Application.Exclusions.ListExclusions;
using InfiniteSecurity.Application.Exclusions.RemoveExclusion;
using InfiniteSecurity.WebApi.Contracts.V1;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>
/// Detection exclusions (admins only), the way teams tune a WAF. Inspect and gate apply them; every change is
/// audited and reaches every instance within a few seconds (Detection:Exclusions:RefreshSeconds).
/// </summary>
[ApiController]
[Route("api/v1/detection/exclusions")]
[Authorize(Policy = Policies.Admin)]
[Produces("application/json")]
public sealed class DetectionExclusionsController(IMediator mediator) : ControllerBase
{
    /// <summary>The exclusions in force, oldest first.</summary>
    /// <response code="200">The exclusions.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<ExclusionView>>(StatusCodes.Status200OK)]
    public Task<IReadOnlyList<ExclusionView>> List(CancellationToken cancellationToken) => mediator.Send(new ListExclusionsQuery(), cancellationToken);

    /// <summary>One exclusion in force.</summary>
    /// <response code="200">The exclusion.</response>
    /// <response code="404">No exclusion in force has this id.</response>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ExclusionView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ExclusionView> Get(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetExclusionQuery(id), cancellationToken);

    /// <summary>Create an exclusion; findings it silences show its id as <c>excluded_by</c> and no longer count.</summary>
    /// <response code="201">Created; in force on this instance at once.</response>
    /// <response code="400">A field is wrong: path prefix, location syntax, unknown rule id or family (errors per field).</response>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<ExclusionView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<CreatedResult> Create(CreateExclusionRequest request, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateExclusionCommand(request.PathPrefix, request.Location, request.RuleId, request.Family, request.Method,
            request.Host, request.Note), cancellationToken);
        return Created($"/api/v1/detection/exclusions/{created.Id}", created);
    }

    /// <summary>Remove an exclusion; what it silenced counts again.</summary>
    /// <response code="204">Removed.</response>
    /// <response code="404">No exclusion in force has this id.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<NoContentResult> Remove(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveExclusionCommand(id), cancellationToken);
        return NoContent();
    }
}

using InfiniteSecurity.Application.Threats.GetThreat;
using InfiniteSecurity.Application.Threats.ListThreats;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Stored threats. Users and machine clients see their own; analysts and admins see all.</summary>
[ApiController]
[Route("api/v{version:apiVersion}/threats")]
[Authorize(Policy = Policies.Analyze)]
[Produces("application/json")]
public sealed class ThreatsController(IMediator mediator) : ControllerBase
{
    /// <summary>Threats visible to the caller, newest first.</summary>
    [HttpGet]
    public Task<IReadOnlyList<ThreatView>> List([FromQuery] int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50, CancellationToken cancellationToken = default) =>
        mediator.Send(new ListThreatsQuery(page, pageSize), cancellationToken);

    /// <summary>One threat; another user's threat is 404.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public Task<ThreatView> Get(Guid id, CancellationToken cancellationToken) => mediator.Send(new GetThreatQuery(id), cancellationToken);
}

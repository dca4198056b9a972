using InfiniteSecurity.Application.Audit.ListAuditEvents;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>The audit trail (admins only).</summary>
[ApiController]
[Route("api/v1/audit")]
[Authorize(Policy = Policies.Admin)]
[Produces("application/json")]
public sealed class AuditController(IMediator mediator) : ControllerBase
{
    /// <summary>Audit events, newest first. Filters: event_type, actor, outcome (Success|Failure), from, to (UTC); page, page_size (≤ 200).</summary>
    [HttpGet]
    public Task<AuditEventPage> List(
        [FromQuery(Name = "event_type")] string? eventType,
        [FromQuery] string? actor,
        [FromQuery] string? outcome,
        [FromQuery] DateTime? from,
        [FromQuery] DateTime? to,
        [FromQuery] int page = 1,
        [FromQuery(Name = "page_size")] int pageSize = 50,
        CancellationToken cancellationToken = default) =>
        mediator.Send(new ListAuditEventsQuery(eventType, actor, outcome, from, to, page, pageSize), cancellationToken);
}

using InfiniteSecurity.Application.Sessions.EndSession;
using InfiniteSecurity.Application.Sessions.ListActiveSessions;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Every user's active sessions (admins only): see who is signed in from where, and end any session.</summary>
[ApiController]
[Route("api/v1/sessions")]
[Authorize(Policy = Policies.Admin)]
[Produces("application/json")]
public sealed class SessionsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Active sessions of all users, newest first, in keyset pages: pass the response's <c>next_cursor</c> as
    /// <c>cursor</c> (with the same <c>user</c>) for the next page; it is null on the last. <c>current</c> marks the
    /// caller's own session.
    /// </summary>
    /// <param name="user">A user id, or a user name (exact, case-insensitive).</param>
    /// <param name="pageSize">1..200, default 50.</param>
    /// <param name="cursor">The previous page's <c>next_cursor</c>; an altered cursor is 400.</param>
    /// <param name="cancellationToken">Aborts the query when the caller goes away.</param>
    /// <response code="200">A page of sessions with <c>next_cursor</c> and <c>total</c>.</response>
    /// <response code="400">Page size out of range, user filter too long, or an altered cursor.</response>
    /// <response code="403">The caller is not an admin.</response>
    [HttpGet]
    [ProducesResponseType<ActiveSessionPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public Task<ActiveSessionPage> List(
        [FromQuery] string? user,
        [FromQuery(Name = "page_size")] int pageSize = ListActiveSessionsQuery.DefaultPageSize,
        [FromQuery] string? cursor = null,
        CancellationToken cancellationToken = default) =>
        mediator.Send(new ListActiveSessionsQuery { User = user, PageSize = pageSize, Cursor = cursor }, cancellationToken);

    /// <summary>
    /// End a session at once: its refresh token and its access tokens stop working. Audited as
    /// <c>SESSION_ENDED_BY_ADMIN</c>; ending the caller's own current session is a logout.
    /// </summary>
    /// <response code="204">Ended.</response>
    /// <response code="403">The caller is not an admin.</response>
    /// <response code="404">No active session has this id.</response>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<NoContentResult> End(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new EndSessionCommand(id), cancellationToken);
        return NoContent();
    }
}

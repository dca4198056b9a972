using InfiniteSecurity.Application.Users.ChangeUserRole;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.Application.Users.CreateUser;
using InfiniteSecurity.Application.Users.DisableUser;
using InfiniteSecurity.Application.Users.EnableUser;
using InfiniteSecurity.Application.Users.ListUsers;
using InfiniteSecurity.Application.Users.ResetUserMfa;
using InfiniteSecurity.Application.Users.UnlockUser;
using InfiniteSecurity.WebApi.Contracts.Auth;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>User management (admins only).</summary>
[ApiController]
[Route("api/v1/users")]
[Authorize(Policy = Policies.Admin)]
[Produces("application/json")]
public sealed class UsersController(IMediator mediator) : ControllerBase
{
    /// <summary>All users.</summary>
    [HttpGet]
    public Task<IReadOnlyList<UserSummary>> List(CancellationToken cancellationToken) => mediator.Send(new ListUsersQuery(), cancellationToken);

    /// <summary>Create a user with an initial password and a role.</summary>
    /// <response code="201">Created.</response>
    /// <response code="400">Invalid name, role or password (policy).</response>
    /// <response code="409">The name is taken.</response>
    [HttpPost]
    [ProducesResponseType<UserSummary>(StatusCodes.Status201Created)]
    public async Task<CreatedResult> Create(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var user = await mediator.Send(new CreateUserCommand(request.Username, request.Password, request.Role), cancellationToken);
        return Created($"/api/v1/users/{user.Id}", user);
    }

    /// <summary>Change a user's role; the user's sessions end so no token keeps the old role.</summary>
    [HttpPut("{id:guid}/role")]
    public Task<UserSummary> ChangeRole(Guid id, ChangeRoleRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new ChangeUserRoleCommand(id, request.Role), cancellationToken);

    /// <summary>Disable a user: no sign-in, all sessions end.</summary>
    [HttpPost("{id:guid}/disable")]
    public Task<UserSummary> Disable(Guid id, CancellationToken cancellationToken) => mediator.Send(new DisableUserCommand(id), cancellationToken);

    /// <summary>Enable a disabled user.</summary>
    [HttpPost("{id:guid}/enable")]
    public Task<UserSummary> Enable(Guid id, CancellationToken cancellationToken) => mediator.Send(new EnableUserCommand(id), cancellationToken);

    /// <summary>End a lockout now and reset the failure count.</summary>
    [HttpPost("{id:guid}/unlock")]
    public Task<UserSummary> Unlock(Guid id, CancellationToken cancellationToken) => mediator.Send(new UnlockUserCommand(id), cancellationToken);

    /// <summary>Turn MFA off for a user who lost the authenticator and recovery codes; their sessions end.</summary>
    [HttpPost("{id:guid}/mfa/reset")]
    public Task<UserSummary> ResetMfa(Guid id, CancellationToken cancellationToken) => mediator.Send(new ResetUserMfaCommand(id), cancellationToken);
}

using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.DisableUser;

/// <summary>Disable a user: no more sign-ins, every session ends at once.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record DisableUserCommand(Guid UserId) : IRequest<UserSummary>;

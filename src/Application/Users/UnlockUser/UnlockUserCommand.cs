using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.UnlockUser;

/// <summary>An admin ends a lockout before it runs out and resets the failure count.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record UnlockUserCommand(Guid UserId) : IRequest<UserSummary>;

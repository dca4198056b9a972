using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.ChangeUserRole;

[Authorize(Roles = Roles.Admin)]
public sealed record ChangeUserRoleCommand(Guid UserId, string? Role) : IRequest<UserSummary>;

using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.ChangeUserRole;

public sealed record ChangeUserRoleCommand(Guid UserId, string? Role) : IRequest<UserSummary>;

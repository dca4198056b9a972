using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.ListUsers;

[Authorize(Roles = Roles.Admin)]
public sealed record ListUsersQuery : IRequest<IReadOnlyList<UserSummary>>;

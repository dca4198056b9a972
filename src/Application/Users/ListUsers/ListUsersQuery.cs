using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.ListUsers;

public sealed record ListUsersQuery : IRequest<IReadOnlyList<UserSummary>>;

using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.EnableUser;

[Authorize(Roles = Roles.Admin)]
public sealed record EnableUserCommand(Guid UserId) : IRequest<UserSummary>;

using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.EnableUser;

public sealed record EnableUserCommand(Guid UserId) : IRequest<UserSummary>;

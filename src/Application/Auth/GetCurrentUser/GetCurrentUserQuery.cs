using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Auth.GetCurrentUser;

public sealed record GetCurrentUserQuery : IRequest<UserSummary>;

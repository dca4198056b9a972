using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Auth.GetCurrentUser;

[Authorize]
public sealed record GetCurrentUserQuery : IRequest<UserSummary>;

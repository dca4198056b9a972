using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Auth.Logout;

/// <summary>End the caller's current session: its refresh token and its access tokens stop working.</summary>
[Authorize]
public sealed record LogoutCommand : IRequest<Unit>;

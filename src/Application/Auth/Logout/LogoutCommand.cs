using MediatR;

namespace InfiniteSecurity.Application.Auth.Logout;

/// <summary>End the caller's current session: its refresh token and its access tokens stop working.</summary>
public sealed record LogoutCommand : IRequest<Unit>;

using MediatR;

namespace InfiniteSecurity.Application.Auth.RevokeSession;

/// <summary>End one of the caller's own sessions (another user's session is "not found").</summary>
public sealed record RevokeSessionCommand(Guid SessionId) : IRequest<Unit>;

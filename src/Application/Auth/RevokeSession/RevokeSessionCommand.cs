using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Auth.RevokeSession;

/// <summary>End one of the caller's own sessions (another user's session is "not found").</summary>
[Authorize]
public sealed record RevokeSessionCommand(Guid SessionId) : IRequest<Unit>;

using MediatR;

namespace InfiniteSecurity.Application.Auth.ListSessions;

/// <summary>The caller's own active sessions; nobody can list another user's.</summary>
public sealed record ListSessionsQuery : IRequest<IReadOnlyList<SessionSummary>>;

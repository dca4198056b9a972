using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Auth.ListSessions;

/// <summary>The caller's own active sessions; nobody can list another user's.</summary>
[Authorize]
public sealed record ListSessionsQuery : IRequest<IReadOnlyList<SessionSummary>>;

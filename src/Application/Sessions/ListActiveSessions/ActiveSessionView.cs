namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

/// <summary>
/// An active session as a security team sees it: whose it is, when it started, was last used (or refreshed) and
/// ends, where from. <c>Current</c> marks the caller's own session. Never the refresh token or its hash.
/// </summary>
public sealed record ActiveSessionView(
    Guid Id,
    Guid UserId,
    string Username,
    DateTime CreatedAt,
    DateTime LastUsedAt,
    DateTime ExpiresAt,
    string? IpAddress,
    string? UserAgent,
    bool Current);

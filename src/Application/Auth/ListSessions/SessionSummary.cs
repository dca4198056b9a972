namespace InfiniteSecurity.Application.Auth.ListSessions;

/// <summary>One of the caller's active sessions (never the refresh token or its hash).</summary>
public sealed record SessionSummary(Guid Id, DateTime CreatedAt, DateTime LastUsedAt, DateTime ExpiresAt, string? IpAddress, string? UserAgent, bool Current);

namespace InfiniteSecurity.Application.Sessions.ListActiveSessions;

/// <summary>One page of active sessions. <c>NextCursor</c> is null on the last page; <c>Total</c> counts every active session matching the filter.</summary>
public sealed record ActiveSessionPage(IReadOnlyList<ActiveSessionView> Items, string? NextCursor, int Total);

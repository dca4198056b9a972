using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.ListSecurityEvents;

/// <summary>A page of the stream; <c>NextCursor</c> is where to continue (on an empty page the cursor that was sent).</summary>
public sealed record SecurityEventPage(IReadOnlyList<SecurityEventView> Events, string NextCursor, bool HasMore);

using InfiniteSecurity.Application.Threats.GetThreat;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>
/// One page of threats. <c>NextCursor</c> is null on the last page; <c>Total</c> counts every threat matching the
/// filters (not only this page), as of this request.
/// </summary>
public sealed record ThreatPage(IReadOnlyList<ThreatView> Items, string? NextCursor, int Total);

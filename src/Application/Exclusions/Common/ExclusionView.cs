using InfiniteSecurity.Domain.Exclusions;

namespace InfiniteSecurity.Application.Exclusions.Common;

/// <summary>A detection exclusion as the API shows it.</summary>
/// <param name="Id">Id, shown as <c>excluded_by</c> on the findings it silences.</param>
/// <param name="PathPrefix">Requests whose path starts with this (case-sensitive, as paths are).</param>
/// <param name="Location">The location it applies to, exact or a prefix ending in <c>*</c>.</param>
/// <param name="RuleId">The one rule it silences; null with <paramref name="Family"/> null: every rule.</param>
/// <param name="Family">Every rule of this family; null: see <paramref name="RuleId"/>.</param>
/// <param name="Method">Only requests with this method; null: any.</param>
/// <param name="Host">Only requests to this host; null: any.</param>
/// <param name="Note">Why the exclusion exists.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="CreatedBy">Who created it (user id).</param>
public sealed record ExclusionView(
    Guid Id,
    string PathPrefix,
    string Location,
    string? RuleId,
    string? Family,
    string? Method,
    string? Host,
    string? Note,
    DateTime CreatedAt,
    string CreatedBy)
{
    public static ExclusionView From(DetectionExclusion e) =>
        new(e.Id, e.PathPrefix, e.Location, e.RuleId, e.Family, e.Method, e.Host, e.Note, e.CreatedAt, e.CreatedBy);
}

using InfiniteSecurity.Domain.Exclusions;

namespace InfiniteSecurity.Application.Exclusions.Common;

/// <summary>The audit line of an exclusion change: every field that decides its scope.</summary>
internal static class ExclusionAudit
{
    public static string Describe(DetectionExclusion e) =>
        $"exclusion={e.Id} path_prefix={e.PathPrefix} location={e.Location} rule_id={e.RuleId ?? "*"} family={e.Family ?? "*"} method={e.Method ?? "*"} host={e.Host ?? "*"}";
}

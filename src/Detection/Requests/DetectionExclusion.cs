namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// One exclusion, the way teams tune a WAF: skip rule <paramref name="RuleId"/> (or every rule of
/// <paramref name="Family"/>, or every rule when both are null) for the location <paramref name="Location"/> (exact
/// <c>query:q</c>, <c>body:$.comment</c>, <c>header:User-Agent</c>, <c>cookie:x</c>, or a prefix ending in <c>*</c>
/// such as <c>body*</c>) on requests whose path starts with <paramref name="PathPrefix"/> (and whose method and host
/// equal <paramref name="Method"/> and <paramref name="Host"/> when given, case-insensitive).
/// </summary>
/// <param name="Id">Reported as <see cref="LocatedFinding.ExcludedBy"/> on the findings it silences.</param>
/// <param name="PathPrefix">Request path prefix (case-sensitive, as paths are); <c>/</c> for every path.</param>
/// <param name="Location">Exact location, or a prefix ending in <c>*</c>; <c>*</c> alone for every location.</param>
/// <param name="RuleId">The one rule silenced, e.g. <c>sqli.tautology</c>.</param>
/// <param name="Family">Every rule of this family is silenced, e.g. <c>sql_injection</c>.</param>
/// <param name="Method">Only requests with this method.</param>
/// <param name="Host">Only requests for this host (without port).</param>
public sealed record DetectionExclusion(string Id, string PathPrefix, string Location, string? RuleId = null, string? Family = null, string? Method = null, string? Host = null)
{
    /// <summary>True when this exclusion applies to requests with this method, host and (decoded) path.</summary>
    public bool AppliesTo(string method, string? host, string path)
    {
        if (!path.StartsWith(PathPrefix ?? string.Empty, StringComparison.Ordinal))
        {
            return false;
        }

        if (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Host is null || string.Equals(Host, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when this exclusion silences <paramref name="finding"/> at <paramref name="location"/>
    /// (the request itself having been matched by <see cref="AppliesTo"/>).</summary>
    public bool Silences(string location, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var where = Location ?? string.Empty;
        var locationMatches = where.EndsWith('*')
            ? location.StartsWith(where[..^1], StringComparison.Ordinal)
            : string.Equals(where, location, StringComparison.Ordinal);
        if (!locationMatches)
        {
            return false;
        }

        if (RuleId is not null && !string.Equals(RuleId, finding.RuleId, StringComparison.Ordinal))
        {
            return false;
        }

        return Family is null || string.Equals(Family, finding.Category, StringComparison.Ordinal);
    }
}

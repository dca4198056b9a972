using System.Net;
using System.Text.RegularExpressions;

namespace InfiniteSecurity.Domain.Detection;

/// <summary>
/// The seed's pattern table: one linear-time regex per rule over a URL- and HTML-decoded, lower-cased view.
/// Interim analyzer until the multi-layer engine replaces it (issue 3); kept deliberately small.
/// </summary>
public sealed class SeedPatternAnalyzer(DecisionPolicy policy) : IThreatAnalyzer
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private sealed record Rule(string Category, string Id, double Confidence, Regex Pattern, string Reason);

    private static readonly Rule[] Rules =
    [
        new(ThreatCategory.SqlInjection, "sqli.tautology", 0.95, new(@"['""]\s*(or|and)\s+['""]?\w+['""]?\s*=\s*['""]?\w+", Options, Timeout), "quote breakout followed by a boolean tautology"),
        new(ThreatCategory.SqlInjection, "sqli.union", 0.9, new(@"\bunion\b[\s(]+(all\s+)?select\b", Options, Timeout), "UNION SELECT appends a query"),
        new(ThreatCategory.SqlInjection, "sqli.stacked", 0.85, new(@";\s*(drop|delete|insert|update|exec|shutdown)\b", Options, Timeout), "stacked query after a statement terminator"),
        new(ThreatCategory.SqlInjection, "sqli.comment", 0.7, new(@"['""]\s*(--|#|/\*)", Options, Timeout), "quote closed and the rest commented out"),
        new(ThreatCategory.Xss, "xss.script", 0.95, new(@"<\s*script\b", Options, Timeout), "script element"),
        new(ThreatCategory.Xss, "xss.event", 0.85, new(@"<[a-z][^>]*\bon[a-z]+\s*=", Options, Timeout), "event-handler attribute on a tag"),
        new(ThreatCategory.Xss, "xss.scheme", 0.8, new(@"javascript\s*:", Options, Timeout), "javascript: URL"),
        new(ThreatCategory.CommandInjection, "cmd.chain", 0.85, new(@"(;|\|\|?|&&|`|\$\()\s*(cat|ls|id|whoami|uname|wget|curl|nc|bash|sh|ping|rm)\b", Options, Timeout), "shell operator followed by a command"),
        new(ThreatCategory.PathTraversal, "path.dotdot", 0.85, new(@"(\.\.[/\\]){2,}", Options, Timeout), "repeated parent-directory escapes"),
        new(ThreatCategory.PathTraversal, "path.sensitive", 0.8, new(@"(/etc/(passwd|shadow)|boot\.ini|win\.ini)", Options, Timeout), "sensitive system file"),
        new(ThreatCategory.LdapInjection, "ldap.breakout", 0.75, new(@"\*\)\s*\(\s*[|&]", Options, Timeout), "LDAP filter breakout"),
    ];

    public ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = WebUtility.HtmlDecode(Uri.UnescapeDataString(input));
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            var m = rule.Pattern.Match(view);
            if (m.Success)
            {
                var evidence = m.Value.Length > Finding.MaxEvidenceLength ? m.Value[..Finding.MaxEvidenceLength] : m.Value;
                findings.Add(new Finding(rule.Category, rule.Id, rule.Confidence, "decoded", m.Index, m.Length, evidence, rule.Reason));
            }
        }

        if (findings.Count == 0)
        {
            return ThreatAnalysis.Benign;
        }

        findings.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        var top = findings[0];
        var confidence = Math.Min(1.0, top.Confidence + (0.02 * Math.Min(5, behaviour.RecentThreatsFromIp + behaviour.RecentThreatsFromUser)));
        return new ThreatAnalysis(confidence >= 0.5, confidence, top.Category, policy.SeverityFor(confidence), (int)Math.Round(confidence * 99), findings);
    }
}

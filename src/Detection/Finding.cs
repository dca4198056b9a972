namespace InfiniteSecurity.Detection;

/// <summary>One piece of evidence a detector found.</summary>
/// <param name="Category">A <see cref="ThreatCategory"/> value.</param>
/// <param name="RuleId">Stable id of the rule that fired, e.g. <c>sqli.tautology</c>.</param>
/// <param name="Confidence">0..1, how sure this rule is on its own.</param>
/// <param name="View">Which decoded view of the input matched (<c>raw</c>, <c>url</c>, <c>html</c>, ...).</param>
/// <param name="Start">Start of the matched span in that view.</param>
/// <param name="Length">Length of the matched span in that view.</param>
/// <param name="Evidence">The matched text, cut to a bounded length.</param>
/// <param name="Reason">One line saying why this is an attack.</param>
public sealed record Finding(
    string Category,
    string RuleId,
    double Confidence,
    string View,
    int Start,
    int Length,
    string Evidence,
    string Reason)
{
    /// <summary>Longest evidence text kept per finding, so a finding never holds a whole large input.</summary>
    public const int MaxEvidenceLength = 200;
}

namespace InfiniteSecurity.Detection;

/// <summary>The engine's verdict on one input.</summary>
/// <param name="IsThreat">True when the confidence reaches the detection threshold.</param>
/// <param name="Confidence">0..1 for the winning category.</param>
/// <param name="Category">The winning <see cref="ThreatCategory"/>, or <see cref="ThreatCategory.None"/>.</param>
/// <param name="Severity">Severity derived from confidence.</param>
/// <param name="RiskScore">0..99.</param>
/// <param name="Findings">Evidence, strongest first.</param>
public sealed record ThreatAnalysis(
    bool IsThreat,
    double Confidence,
    string Category,
    Severity Severity,
    int RiskScore,
    IReadOnlyList<Finding> Findings)
{
    public static ThreatAnalysis Benign { get; } = new(false, 0, ThreatCategory.None, Severity.Low, 0, []);

    /// <summary>Rule ids that fired, distinct, in finding order (the contract's <c>patterns_matched</c>).</summary>
    public IReadOnlyList<string> PatternsMatched => Findings.Select(f => f.RuleId).Distinct().ToArray();
}

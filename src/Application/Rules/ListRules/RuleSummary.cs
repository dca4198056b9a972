namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>One detection rule as the API shows it: catalogue data plus the weight in effect.</summary>
/// <param name="Id">Stable rule id, as reported in <c>patterns_matched</c> and findings.</param>
/// <param name="Family">The attack family (threat type) the rule reports.</param>
/// <param name="BaseWeight">Confidence the rule carries on its own, before tuning.</param>
/// <param name="Floor">Lowest weight tuning may set.</param>
/// <param name="Ceiling">Highest weight tuning may set.</param>
/// <param name="EffectiveWeight">The weight the engine uses now (base weight unless tuned), within floor and ceiling.</param>
/// <param name="Reason">Why the shape is an attack, in one line.</param>
/// <param name="Cwe">CWE id of the weakness.</param>
/// <param name="Capec">CAPEC id of the attack pattern, 0 when none fits.</param>
/// <param name="TruePositives">Analyst verdicts that the rule was right (since the last reset).</param>
/// <param name="FalsePositives">Analyst verdicts that the rule was wrong (since the last reset).</param>
/// <param name="LastChange">The last stored weight change, or null when the rule was never tuned.</param>
public sealed record RuleSummary(
    string Id,
    string Family,
    double BaseWeight,
    double Floor,
    double Ceiling,
    double EffectiveWeight,
    string Reason,
    int Cwe,
    int Capec,
    long TruePositives,
    long FalsePositives,
    RuleWeightChange? LastChange);

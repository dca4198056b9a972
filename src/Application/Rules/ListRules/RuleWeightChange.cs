namespace InfiniteSecurity.Application.Rules.ListRules;

/// <summary>The last stored change of a rule's weight.</summary>
/// <param name="Weight">The weight it was set to.</param>
/// <param name="At">When (UTC).</param>
/// <param name="By">Who (user id).</param>
/// <param name="Reason">Why: the feedback counts that produced it, or a reset.</param>
public sealed record RuleWeightChange(double Weight, DateTime At, string By, string Reason);

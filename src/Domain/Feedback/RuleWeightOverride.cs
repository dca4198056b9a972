using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Feedback;

/// <summary>
/// The weight a rule has been tuned to, with its last change: when, by whom and why. Every instance loads these rows
/// into the engine's weights. The weight is always inside the rule's catalogue bounds.
/// </summary>
public sealed class RuleWeightOverride
{
    public const int MaxReasonLength = 200;
    public const int MaxRuleIdLength = 64;

    private RuleWeightOverride()
    {
    }

    public string RuleId { get; private set; } = string.Empty;
    public double Weight { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = string.Empty;
    public string Reason { get; private set; } = string.Empty;

    public static RuleWeightOverride Create(RuleDefinition rule, double weight, string updatedBy, string reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var row = new RuleWeightOverride { RuleId = rule.Id };
        row.Change(rule, weight, updatedBy, reason, time);
        return row;
    }

    /// <summary>Sets a new weight, clamped into the rule's bounds, and records who changed it and why.</summary>
    public void Change(RuleDefinition rule, double weight, string updatedBy, string reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Id != RuleId)
        {
            throw new DomainException("The override belongs to another rule.");
        }

        if (!double.IsFinite(weight))
        {
            throw new DomainException("A rule weight must be a finite number.");
        }

        Weight = rule.Clamp(weight);
        UpdatedBy = Guard.NotBlank(updatedBy, "Updated by", ThreatFeedback.MaxAnalystIdLength);
        Reason = Guard.Neutralise(Guard.NotBlank(reason, "Reason", MaxReasonLength), MaxReasonLength)!;
        UpdatedAt = time.UtcNow();
    }
}

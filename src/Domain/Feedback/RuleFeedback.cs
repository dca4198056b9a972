namespace InfiniteSecurity.Domain.Feedback;

/// <summary>
/// How often analysts judged a rule right (true positives) and wrong (false positives). The counts are changed only
/// by one atomic upsert in the database (several analysts and instances count at once), never read-modify-written
/// through this entity; it exists for reads.
/// </summary>
public sealed class RuleFeedback
{
    private RuleFeedback()
    {
    }

    public string RuleId { get; private set; } = string.Empty;
    public long TruePositives { get; private set; }
    public long FalsePositives { get; private set; }
    public DateTime UpdatedAt { get; private set; }
}

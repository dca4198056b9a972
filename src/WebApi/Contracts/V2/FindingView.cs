namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>One piece of evidence.</summary>
public sealed class FindingView
{
    /// <summary>Attack family of this finding.</summary>
    /// <example>sql_injection</example>
    public required string Category { get; init; }

    /// <summary>Id of the rule that fired.</summary>
    /// <example>sqli.tautology</example>
    public required string RuleId { get; init; }

    /// <summary>0..1, how sure this rule is on its own.</summary>
    /// <example>0.95</example>
    public required double Confidence { get; init; }

    /// <summary>The decoded view of the input the rule matched in (<c>raw</c>, <c>url</c>, <c>html</c>, ...).</summary>
    /// <example>decoded</example>
    public required string View { get; init; }

    /// <summary>Start of the matched span in that view.</summary>
    public required int Start { get; init; }

    /// <summary>Length of the matched span in that view.</summary>
    public required int Length { get; init; }

    /// <summary>The matched text (at most 200 characters).</summary>
    /// <example>' OR '1'='1</example>
    public required string Evidence { get; init; }

    /// <summary>Why this is an attack, in one line.</summary>
    /// <example>quote breakout followed by a boolean tautology</example>
    public required string Reason { get; init; }
}

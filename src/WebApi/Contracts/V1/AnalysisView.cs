namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>What the engine found.</summary>
public sealed class AnalysisView
{
    /// <summary>True when the input is an attack (confidence at or above 0.5).</summary>
    /// <example>true</example>
    public required bool Threat { get; init; }

    /// <summary>0..1, how sure the engine is of <see cref="Type"/>.</summary>
    /// <example>0.95</example>
    public required double Confidence { get; init; }

    /// <summary>Attack family (<c>sql_injection</c>, <c>xss</c>, <c>command_injection</c>, <c>path_traversal</c>, <c>ldap_injection</c>, ...) or <c>none</c>.</summary>
    /// <example>sql_injection</example>
    public required string Type { get; init; }

    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c> or <c>low</c>.</summary>
    /// <example>critical</example>
    public required string Severity { get; init; }

    /// <summary>True when the decision is to block (BLOCK_IMMEDIATE or BLOCK_WITH_LOG).</summary>
    /// <example>true</example>
    public required bool Blocked { get; init; }

    /// <summary>0..99.</summary>
    /// <example>94</example>
    public required int RiskScore { get; init; }

    /// <summary>Ids of the rules that fired.</summary>
    /// <example>["sqli.tautology"]</example>
    public required IReadOnlyList<string> PatternsMatched { get; init; }
}

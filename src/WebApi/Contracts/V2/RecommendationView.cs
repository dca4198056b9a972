namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>How to fix the weakness an attack family exploits.</summary>
public sealed class RecommendationView
{
    /// <summary>The attack family (threat type) it answers.</summary>
    /// <example>sql_injection</example>
    public required string Family { get; init; }

    /// <summary>The concrete change to make.</summary>
    public required string Advice { get; init; }

    /// <summary>Where to read more (an OWASP cheat sheet).</summary>
    public required Uri Reference { get; init; }
}

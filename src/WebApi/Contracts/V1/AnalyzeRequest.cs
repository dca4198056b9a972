namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>User input to analyse.</summary>
public sealed class AnalyzeRequest
{
    /// <summary>The text exactly as the user supplied it (1 to Detection:MaxInputLength characters, default 10,000).</summary>
    /// <example>admin' OR '1'='1</example>
    public string? Input { get; init; }
}

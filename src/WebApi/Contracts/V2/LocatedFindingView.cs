using System.Text.Json.Serialization;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>One piece of evidence and where in the request it was found.</summary>
public sealed class LocatedFindingView
{
    /// <summary>Where: <c>path</c>, <c>query:id</c>, <c>form:name</c>, <c>body:$.user.name</c>, <c>body-key:$.user</c>, <c>body</c>, <c>header:User-Agent</c>, <c>cookie:session</c>, <c>multipart:file.filename</c>.</summary>
    /// <example>query:id</example>
    public required string Location { get; init; }

    /// <summary>Id of the rule that fired.</summary>
    /// <example>sqli.tautology</example>
    public required string RuleId { get; init; }

    /// <summary>Attack family of this finding.</summary>
    /// <example>sql_injection</example>
    public required string Type { get; init; }

    /// <summary>0..1, how sure this rule is on its own.</summary>
    /// <example>0.95</example>
    public required double Confidence { get; init; }

    /// <summary>The decoded view of the value the rule matched in.</summary>
    /// <example>url</example>
    public required string View { get; init; }

    /// <summary>Start of the matched span in that view.</summary>
    public required int Start { get; init; }

    /// <summary>Length of the matched span in that view.</summary>
    public required int Length { get; init; }

    /// <summary>The matched text (at most 200 characters).</summary>
    /// <example>' OR '1'='1</example>
    public required string Evidence { get; init; }

    /// <summary>Why this is an attack, in one line.</summary>
    public required string Reason { get; init; }

    /// <summary>Id of the exclusion that silenced this finding (it is then not counted in the verdict); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExcludedBy { get; init; }
}

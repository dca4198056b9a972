namespace InfiniteSecurity.WebApi.Contracts.V1;

/// <summary>A new detection exclusion: skip a rule (or a family, or every rule) at one location under a path prefix.</summary>
public sealed class CreateExclusionRequest
{
    /// <summary>Requests whose path starts with this; starts with '/'.</summary>
    /// <example>/api/comments</example>
    public string? PathPrefix { get; init; }

    /// <summary>
    /// Exact location (<c>path</c>, <c>body</c>, <c>query:q</c>, <c>form:name</c>, <c>body:$.comment</c>,
    /// <c>body-key:$.user</c>, <c>header:User-Agent</c>, <c>cookie:session</c>, <c>multipart:file.filename</c>) or a
    /// prefix of one ending in <c>*</c> (<c>body*</c> for the whole body, <c>header:X-*</c>).
    /// </summary>
    /// <example>body:$.comment</example>
    public string? Location { get; init; }

    /// <summary>The one rule to skip (an id from GET /api/v1/detection/rules); omit with <c>family</c> for every rule.</summary>
    public string? RuleId { get; init; }

    /// <summary>Skip every rule of this family (a threat type such as <c>xss</c>); not together with <c>rule_id</c>.</summary>
    /// <example>xss</example>
    public string? Family { get; init; }

    /// <summary>Only requests with this method; omit for any.</summary>
    /// <example>POST</example>
    public string? Method { get; init; }

    /// <summary>Only requests to this host; omit for any.</summary>
    public string? Host { get; init; }

    /// <summary>Why the exclusion exists, for the next administrator.</summary>
    /// <example>Comments are rendered as escaped text; code samples in them are expected.</example>
    public string? Note { get; init; }
}

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>Where the analysed value came from; it is judged as request inspection judges a value at that place.</summary>
public sealed class AnalyzeContextV2
{
    /// <summary>The name it was sent under: parameter, header, cookie or JSON property (at most 128 characters; required for <c>header</c>).</summary>
    /// <example>redirect_uri</example>
    public string? Field { get; init; }

    /// <summary>Media type of the part that held it, e.g. <c>application/json</c> for a JSON property (at most 128 characters).</summary>
    /// <example>application/x-www-form-urlencoded</example>
    public string? ContentType { get; init; }

    /// <summary>One of <c>query</c>, <c>form</c>, <c>cookie</c>, <c>header</c>, <c>body</c>, <c>path</c>, <c>multipart</c>.</summary>
    /// <example>query</example>
    public string? Location { get; init; }
}

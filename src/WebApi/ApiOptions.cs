namespace InfiniteSecurity.WebApi;

/// <summary>Bound from <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Largest request body accepted (413 above). 10,000 characters can take up to 60,000 bytes of JSON when every
    /// character is escaped as \uXXXX, so the default leaves room for that and the envelope.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>User input to analyse, with how thoroughly and what to return.</summary>
public sealed class AnalyzeRequestV2
{
    /// <summary>The text exactly as the user supplied it (1 to Detection:MaxInputLength characters, default 10,000).</summary>
    /// <example>name' or 'b'='b</example>
    public string? Input { get; init; }

    /// <summary>
    /// <c>basic</c>: fast path, stops at the first finding that makes the input a threat; <c>standard</c> (default):
    /// every decoded view, a family is not inspected further once it is certain; <c>deep</c>: every decoded view with
    /// every detector and every finding, no benign prefilter.
    /// </summary>
    /// <example>standard</example>
    public string? AnalysisDepth { get; init; }

    /// <summary>When true, the answer carries one remediation per attack family found, with an OWASP reference.</summary>
    public bool IncludeRecommendations { get; init; }

    /// <summary>
    /// Where the input came from. A URL is an open redirect only in a field that says where to go
    /// (<c>redirect_uri</c>, <c>next</c>...), a header the browser fills is not judged for markup, a JSON string may
    /// hold line breaks: the same rules as <c>POST /api/v2/inspect</c>. Without it the input is judged on its own.
    /// </summary>
    public AnalyzeContextV2? Context { get; init; }

    /// <summary>
    /// When set, the answer is 202 with the analysis id and the result (the body of the 200) is POSTed to this URL,
    /// signed in <c>X-InfiniteSecurity-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(key, t + "." + body)&gt;</c>.
    /// Only https (unless Callbacks:AllowHttp), only hosts in Callbacks:AllowedHosts, never an internal address,
    /// no user info; redirects are not followed.
    /// </summary>
    /// <example>https://hooks.example.com/infinitesecurity</example>
    public string? CallbackUrl { get; init; }
}

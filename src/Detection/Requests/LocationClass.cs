namespace InfiniteSecurity.Detection.Requests;

/// <summary>What the context policy knows about a location: who fills it and where its value can end up.</summary>
public enum LocationClass
{
    /// <summary>The path or one of its segments.</summary>
    Path,

    /// <summary>A query, form, cookie or text-part value whose name does not say redirect target.</summary>
    Parameter,

    /// <summary>A parameter (or JSON property) whose name says redirect target: <c>next</c>, <c>returnUrl</c>...</summary>
    RedirectParameter,

    /// <summary>A parameter or part name.</summary>
    ParameterKey,

    /// <summary>A JSON string value in a body, or in a parameter holding JSON.</summary>
    JsonString,

    /// <summary>A JSON property name.</summary>
    JsonKey,

    /// <summary>An XML text node or attribute value.</summary>
    XmlText,

    /// <summary>A multipart text part (a textarea, an uploaded text file).</summary>
    PartText,

    /// <summary>A value that is a URL or query string, as a whole (its parameters are judged on their own).</summary>
    Composite,

    /// <summary>A URL or query string in a redirect-target parameter, as a whole.</summary>
    RedirectComposite,

    /// <summary>A well-formed JSON or XML body as a whole.</summary>
    Document,

    /// <summary>A body analysed as text (text/plain, unknown textual type, malformed structured body).</summary>
    TextBody,

    /// <summary>A header the client application sets: User-Agent, X-Forwarded-For, custom headers.</summary>
    ClientHeader,

    /// <summary>A header holding a redirect target: Location, Refresh, X-Original-URL...</summary>
    RedirectHeader,

    /// <summary>Referer and Origin: URLs the browser fills in.</summary>
    BrowserUrlHeader,

    /// <summary>Headers browsers and HTTP stacks fill in: Accept*, Sec-*, Content-Type, Host, If-*...</summary>
    BrowserHeader,

    /// <summary>A multipart file name.</summary>
    FileName,

    /// <summary>A multipart part's Content-Type.</summary>
    PartContentType,
}

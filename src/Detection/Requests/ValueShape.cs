namespace InfiniteSecurity.Detection.Requests;

/// <summary>What a located value is within its <see cref="ValueSource"/>.</summary>
public enum ValueShape
{
    /// <summary>A whole parameter, cookie, header value, path, path segment or text part.</summary>
    Value,

    /// <summary>A parameter or part name.</summary>
    Key,

    /// <summary>A string value inside JSON (a JSON body, or a parameter holding JSON).</summary>
    JsonString,

    /// <summary>A property name inside JSON.</summary>
    JsonKey,

    /// <summary>A text node or attribute value inside an XML body.</summary>
    XmlText,

    /// <summary>A well-formed JSON or XML body as one document.</summary>
    Document,

    /// <summary>A body analysed as text: text/plain, an unknown textual type, or a malformed structured body.</summary>
    Text,

    /// <summary>A value that is itself a URL or a query string; its parameters are values of their own.</summary>
    Composite,

    /// <summary>A multipart file name.</summary>
    FileName,

    /// <summary>A multipart part's Content-Type.</summary>
    ContentType,
}

using System.Text.Json;

namespace InfiniteSecurity.WebApi.Contracts.V2;

/// <summary>An HTTP request described as JSON (the alternative to sending it raw as <c>message/http</c>).</summary>
public sealed class InspectRequest
{
    /// <summary>HTTP method.</summary>
    /// <example>POST</example>
    public string? Method { get; init; }

    /// <summary>Absolute URL (<c>https://shop.example/search?q=x</c>) or path plus query (<c>/search?q=x</c>), percent-encoded as sent.</summary>
    /// <example>/search?q=shoes&amp;page=2</example>
    public string? Url { get; init; }

    /// <summary>Header fields: name → value, or name → array of values for a repeated header.</summary>
    /// <example>{"Content-Type":"application/x-www-form-urlencoded","Cookie":["theme=dark","lang=en"]}</example>
    public Dictionary<string, JsonElement>? Headers { get; init; }

    /// <summary>The body: text, or base64 of its bytes when <see cref="BodyEncoding"/> is <c>base64</c>.</summary>
    /// <example>comment=nice+shoes</example>
    public string? Body { get; init; }

    /// <summary><c>utf8</c> (default) or <c>base64</c>.</summary>
    /// <example>utf8</example>
    public string? BodyEncoding { get; init; }
}

using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>Where an analysed value came from, so that it is judged as request inspection judges a value there.</summary>
/// <param name="Field">The name the value was sent under: a parameter, header, cookie or JSON property name.</param>
/// <param name="ContentType">The media type of the part holding the value (<c>application/json</c>, <c>text/plain</c>...).</param>
/// <param name="Location">One of <see cref="AnalysisContexts.Locations"/>.</param>
public sealed record AnalysisContext(string? Field, string? ContentType, string? Location);

/// <summary>The context's wire names and how a context becomes a located value.</summary>
public static class AnalysisContexts
{
    public const int MaxFieldLength = 128;
    public const int MaxContentTypeLength = 128;

    /// <summary>The location kinds, as request inspection names the parts of a request.</summary>
    public static IReadOnlyDictionary<string, ValueSource> Locations { get; } = new Dictionary<string, ValueSource>(StringComparer.Ordinal)
    {
        ["query"] = ValueSource.Query,
        ["form"] = ValueSource.Form,
        ["cookie"] = ValueSource.Cookie,
        ["header"] = ValueSource.Header,
        ["body"] = ValueSource.Body,
        ["path"] = ValueSource.Path,
        ["multipart"] = ValueSource.Multipart,
    };

    /// <summary>The located value <paramref name="input"/> is when it came in as <paramref name="context"/> says.</summary>
    public static RequestValue ToValue(AnalysisContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = Locations[context.Location!];
        var name = context.Field ?? string.Empty;
        var media = context.ContentType?.Split(';', 2)[0].Trim() ?? string.Empty;
        var json = media.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var xml = media.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
        var shape = source switch
        {
            ValueSource.Header or ValueSource.Path => ValueShape.Value,
            _ when json => ValueShape.JsonString,
            ValueSource.Body when xml => ValueShape.XmlText,
            ValueSource.Body when name.Length == 0 => ValueShape.Text,
            _ => ValueShape.Value,
        };
        var location = name.Length == 0 ? context.Location! : $"{context.Location}:{name}";
        return new RequestValue(location, source, shape, name, input, FromJson: shape == ValueShape.JsonString);
    }
}

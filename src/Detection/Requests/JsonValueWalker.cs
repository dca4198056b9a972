using System.Text.Json;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Walks a JSON document into located string values and property names (numbers, booleans and nulls
/// carry no attack text and are skipped), to the request's depth limit.</summary>
internal static class JsonValueWalker
{
    /// <summary>Receives one string value: its location, the innermost property name, the value.</summary>
    public delegate void StringValue(string location, string name, string value);

    /// <summary>Parses <paramref name="json"/>; false (with <paramref name="error"/>) when it is not JSON within the
    /// depth limit, in which case nothing was added. Property names go to <paramref name="sink"/> as
    /// <see cref="ValueShape.JsonKey"/> values, string values to <paramref name="onString"/>.</summary>
    public static bool TryWalk(ReadOnlyMemory<byte> json, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, StringValue onString, out string? error) =>
        TryWalk(options => JsonDocument.Parse(json, options), sink, source, valuePrefix, keyPrefix, onString, out error);

    /// <inheritdoc cref="TryWalk(ReadOnlyMemory{byte}, ValueSink, ValueSource, string, string, StringValue, out string?)"/>
    public static bool TryWalk(string json, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, StringValue onString, out string? error) =>
        TryWalk(options => JsonDocument.Parse(json, options), sink, source, valuePrefix, keyPrefix, onString, out error);

    private static bool TryWalk(Func<JsonDocumentOptions, JsonDocument> parse, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, StringValue onString, out string? error)
    {
        try
        {
            using var doc = parse(Options(sink.Limits));
            new Walker(sink, source, valuePrefix, keyPrefix, onString).Walk(doc.RootElement, "$", string.Empty);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>True when <paramref name="value"/> looks like a JSON object or array (worth trying to walk).</summary>
    public static bool LooksLikeJson(string value)
    {
        var t = value.AsSpan().Trim();
        return t.Length >= 2 && (t[0] == '{' && t[^1] == '}' || t[0] == '[' && t[^1] == ']');
    }

    private static JsonDocumentOptions Options(RequestLimits limits) =>
        new() { MaxDepth = Math.Max(1, limits.MaxDepth), AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static string Member(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '$'))
            {
                return "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return name.Length == 0 ? "['']" : "." + name;
    }

    private sealed class Walker(ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, StringValue onString)
    {
        public void Walk(JsonElement e, string path, string name)
        {
            if (sink.Full)
            {
                return;
            }

            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        var child = path + Member(p.Name);
                        if (!sink.Add(keyPrefix + child, source, ValueShape.JsonKey, p.Name, p.Name))
                        {
                            return;
                        }

                        Walk(p.Value, child, p.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]", name);
                    }

                    break;
                case JsonValueKind.String:
                    onString(valuePrefix + path, name, e.GetString() ?? string.Empty);
                    break;
            }
        }
    }
}

using System.Text.Json;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Walks a JSON document into located string values and property names (numbers, booleans and nulls
/// carry no attack text and are skipped), to the request's depth limit.</summary>
internal static class JsonValueWalker
{
    /// <summary>Parses <paramref name="json"/>; false (with <paramref name="error"/>) when it is not JSON within the
    /// depth limit, in which case nothing was added.</summary>
    public static bool TryWalk(ReadOnlyMemory<byte> json, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options(sink.Limits));
            Walk(doc.RootElement, "$", sink, source, valuePrefix, keyPrefix, string.Empty);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <inheritdoc cref="TryWalk(ReadOnlyMemory{byte}, ValueSink, ValueSource, string, string, out string?)"/>
    public static bool TryWalk(string json, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options(sink.Limits));
            Walk(doc.RootElement, "$", sink, source, valuePrefix, keyPrefix, string.Empty);
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

    private static void Walk(JsonElement e, string path, ValueSink sink, ValueSource source, string valuePrefix, string keyPrefix, string name)
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

                    Walk(p.Value, child, sink, source, valuePrefix, keyPrefix, p.Name);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", sink, source, valuePrefix, keyPrefix, name);
                }

                break;
            case JsonValueKind.String:
                sink.Add(valuePrefix + path, source, ValueShape.JsonString, name, e.GetString() ?? string.Empty);
                break;
        }
    }

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
}

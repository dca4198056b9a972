namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Adds one named value and what it contains: a value holding JSON is walked (its strings expanded in turn) and
/// then kept whole as a <see cref="ValueShape.Document"/>; a value holding a URL or a query string has its
/// parameters added as values of their own (<c>query:from?id</c>), each decoded once, and is kept whole as a
/// <see cref="ValueShape.Composite"/>. Nesting is bounded.
/// </summary>
internal sealed class ValueExpander(ValueSink sink)
{
    private const int MaxNesting = 4;

    public bool Add(string location, ValueSource source, ValueShape shape, string name, string value, int depth = 0, bool fromJson = false)
    {
        if (sink.Full)
        {
            return false;
        }

        var inner = value;
        if (inner.Length > 1 && inner[0] == '?')
        {
            inner = inner[1..];
        }

        if (depth < MaxNesting && JsonValueWalker.LooksLikeJson(inner)
            && JsonValueWalker.TryWalk(inner, sink, source, location, KeyLocation(location), (loc, n, v) => Add(loc, source, ValueShape.JsonString, n, v, depth + 1, fromJson: true), out _))
        {
            return sink.Add(location, source, ValueShape.Document, name, value, fromJson);
        }

        if (depth < MaxNesting && CompositeValue.TryQuery(inner, out var query))
        {
            foreach (var pair in query.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var n = PercentDecoder.Decode(eq < 0 ? pair : pair[..eq], plusAsSpace: true);
                var v = eq < 0 ? string.Empty : PercentDecoder.Decode(pair[(eq + 1)..], plusAsSpace: true);
                if (v.Length > 0 && !Add($"{location}?{n}", source, shape == ValueShape.JsonString ? ValueShape.JsonString : ValueShape.Value, n, v, depth + 1, fromJson))
                {
                    return false;
                }
            }

            return sink.Add(location, source, ValueShape.Composite, name, value, fromJson);
        }

        return sink.Add(location, source, shape, name, value, fromJson);
    }

    /// <summary>Where the names inside a value are reported: <c>query:f</c> → <c>query-key:f</c>.</summary>
    public static string KeyLocation(string location)
    {
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? location + "-key:" : string.Concat(location.AsSpan(0, colon), "-key", location.AsSpan(colon));
    }
}

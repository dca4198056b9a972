using System.Buffers;

namespace InfiniteSecurity.Detection;

/// <summary>
/// A fixed set of literal needles searched in one vectorised pass (<see cref="SearchValues{T}"/> of strings,
/// ASCII case-insensitive), reporting which needle matched where. Used for vocabularies (sensitive paths, sink
/// names) so a detector scans its input once instead of once per needle.
/// </summary>
internal sealed class MultiPattern
{
    private readonly string[] _needles;
    private readonly SearchValues<string> _values;

    public MultiPattern(params string[] needles)
    {
        // Longest first, so that at one position the most specific needle is reported.
        _needles = needles.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length).ToArray();
        _values = SearchValues.Create(_needles, StringComparison.OrdinalIgnoreCase);
    }

    public bool ContainsAny(ReadOnlySpan<char> s) => s.IndexOfAny(_values) >= 0;

    /// <summary>Next match at or after <paramref name="from"/>: its index and the needle, or -1.</summary>
    public int Next(ReadOnlySpan<char> s, int from, out string needle)
    {
        needle = string.Empty;
        if (from >= s.Length)
        {
            return -1;
        }

        var rel = s[from..].IndexOfAny(_values);
        if (rel < 0)
        {
            return -1;
        }

        var at = from + rel;
        foreach (var n in _needles)
        {
            if (Scanning.At(s, at, n))
            {
                needle = n;
                return at;
            }
        }

        return -1;
    }
}

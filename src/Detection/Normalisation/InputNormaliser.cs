using System.Text;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// Builds the decoded views of an input. Decoding is iterated to a bounded fixpoint because double and triple
/// encoding (<c>%252e</c>) exists precisely to slip past a filter that decodes once while the application decodes
/// twice. Every step is linear and the number of rounds is capped, so the whole normalisation is linear.
/// </summary>
internal static class InputNormaliser
{
    /// <summary>Upper bound on decoding rounds; nobody honest encodes more than twice.</summary>
    public const int MaxRounds = 6;

    public static NormalisedInput Normalise(string raw)
    {
        var views = new List<DecodedView>(5) { new("raw", raw) };
        var depth = 0;
        var current = raw;
        var name = new StringBuilder("raw", 32);
        var hadNul = false;

        // Two passes at most: full-width "％２ｅ" only becomes a percent escape after Unicode folding.
        for (var pass = 0; pass < 2; pass++)
        {
            var urlChanged = false;
            var htmlChanged = false;
            for (var round = 0; round < MaxRounds; round++)
            {
                var u = UrlDecoder.DecodeOnce(current, plusAsSpace: pass == 0 && round == 0);
                var h = HtmlEntityDecoder.Decode(u);
                var changed = false;
                if (!ReferenceEquals(u, current) && u != current)
                {
                    urlChanged = true;
                    changed = true;
                    depth++;
                }

                if (!ReferenceEquals(h, u) && h != u)
                {
                    htmlChanged = true;
                    changed = true;
                    depth++;
                }

                current = h;
                if (!changed)
                {
                    break;
                }
            }

            if (urlChanged || htmlChanged)
            {
                AppendName(name, urlChanged ? (htmlChanged ? "url+html" : "url") : "html");
                views.Add(new DecodedView(name.ToString(), current));
            }

            var escaped = EscapeDecoder.Decode(current);
            if (escaped != current)
            {
                depth++;
                AppendName(name, "escape");
                current = escaped;
                views.Add(new DecodedView(name.ToString(), current));
            }

            var folded = UnicodeFolder.Fold(current, out var nul);
            hadNul |= nul;
            if (folded == current)
            {
                break;
            }

            if (nul)
            {
                depth++;
            }

            AppendName(name, "unicode");
            current = folded;
            views.Add(new DecodedView(name.ToString(), current));
            if (current.AsSpan().IndexOfAny("%&\\+") < 0 && !current.Contains("0x", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        // A value that is one base64 token is often a payload packed to pass filters (data: URIs, cookies, JSON
        // fields). Its decoding becomes one more view when it is printable text.
        if (Base64View.TryDecode(current, out var unpacked))
        {
            depth++;
            AppendName(name, "base64");
            current = unpacked;
            views.Add(new DecodedView(name.ToString(), current));
        }

        var containedNul = hadNul || raw.Contains('\0', StringComparison.Ordinal);
        return new NormalisedInput(raw, views, depth, containedNul);
    }

    private static void AppendName(StringBuilder name, string step)
    {
        if (name.Length == 3 && name.ToString() == "raw")
        {
            name.Clear();
        }
        else
        {
            name.Append('+');
        }

        name.Append(step);
    }
}

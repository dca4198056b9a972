namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// JavaScript sink vocabulary and the backwards reading of a callee (<c>top.alert</c>, <c>eval.call</c>,
/// <c>alert?.</c>, <c>setTimeout // comment⏎</c>) from the position of its <c>(</c> or template backtick.
/// Names are held as single identifiers and object/member pairs, so <c>top.confirm</c>, <c>self.prompt</c> and
/// <c>frames[0].alert</c> need no entries of their own.
/// </summary>
internal static class JsSinks
{
    // Sinks that may be called bare: alert(1), eval(x), open(url), import(url).
    private static readonly HashSet<string> Bare = new(StringComparer.OrdinalIgnoreCase)
    {
        "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "function", "fetch", "import", "open", "print", "atob",
        "location", "constructor", "xmlhttprequest", "execscript", "msgbox",
    };

    // Members that are sinks on any object (x.alert, top.eval, String.fromCharCode).
    private static readonly HashSet<string> Member = new(StringComparer.OrdinalIgnoreCase)
    {
        "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "fetch", "print", "constructor", "location",
        "fromcharcode", "sendbeacon", "execscript",
    };

    // Members that are sinks only on one object.
    private static readonly (string Object, string Member)[] Qualified =
    [
        ("document", "write"), ("document", "writeln"), ("window", "open"), ("location", "assign"), ("location", "replace"),
        ("console", "log"), ("document", "cookie"), ("document", "domain"), ("location", "href"),
    ];

    // Calls whose only purpose in a payload is to prove execution.
    private static readonly HashSet<string> Proof = new(StringComparer.OrdinalIgnoreCase)
    {
        "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "fromcharcode",
    };

    public static bool IsSink(ReadOnlySpan<char> chain)
    {
        var last = Split(chain, out var owner);
        if (last.IsEmpty)
        {
            return false;
        }

        if (owner.IsEmpty)
        {
            return Bare.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last);
        }

        if (Member.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last))
        {
            return true;
        }

        foreach (var (o, m) in Qualified)
        {
            if (last.Equals(m, StringComparison.OrdinalIgnoreCase) && owner.Equals(o, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A sink whose call is itself the proof of execution (alert, eval, setTimeout, document.write...).</summary>
    public static bool IsProofSink(ReadOnlySpan<char> chain)
    {
        var last = Split(chain, out var owner);
        if (last.Equals("eval", StringComparison.OrdinalIgnoreCase))
        {
            return owner.IsEmpty || owner.Equals("window", StringComparison.OrdinalIgnoreCase) || owner.Equals("top", StringComparison.OrdinalIgnoreCase) || owner.Equals("self", StringComparison.OrdinalIgnoreCase);
        }

        return Proof.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last)
            || (owner.Equals("document", StringComparison.OrdinalIgnoreCase) && last.StartsWith("write", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A bare or qualified name of alert/prompt/confirm/eval, usable as a value (a handler set to the bare name, or <c>[0].map(prompt)</c>).</summary>
    public static bool IsCallableValue(ReadOnlySpan<char> chain)
    {
        var last = Split(chain, out _);
        return last.Equals("eval", StringComparison.OrdinalIgnoreCase) || last.EndsWith("alert", StringComparison.OrdinalIgnoreCase)
            || last.Equals("prompt", StringComparison.OrdinalIgnoreCase) || last.Equals("confirm", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads the callee that ends just before <paramref name="end"/> (the call's '(' or backtick): skips spaces,
    /// a JS line comment ending the previous line, <c>?.</c> and <c>.call</c>/<c>.apply</c>. Returns the start of the
    /// identifier chain (or -1) and the chain's end.
    /// </summary>
    public static int CalleeStart(ReadOnlySpan<char> s, int end, out int nameEnd)
    {
        var k = end - 1;
        while (k >= 0 && s[k] is ' ' or '\t' or '\n' or '\r')
        {
            k = s[k] is '\n' or '\r' ? SkipLineComment(s, k) : k - 1;
        }

        if (k < end - 1 && !ArgumentLooksLikeCode(s, end))
        {
            nameEnd = end;
            return -1; // "Confirm (y/n)": a space before '(' is only a call when the argument is code
        }

        if (k >= 1 && s[k] == '.' && s[k - 1] == '?')
        {
            k -= 2;
        }

        nameEnd = k + 1;
        foreach (var forwarder in (ReadOnlySpan<string>)[".call", ".apply"])
        {
            if (nameEnd >= forwarder.Length && s[(nameEnd - forwarder.Length)..nameEnd].Equals(forwarder, StringComparison.OrdinalIgnoreCase))
            {
                nameEnd -= forwarder.Length;
                k = nameEnd - 1;
                break;
            }
        }

        while (k >= 0 && (Scanning.IsIdentChar(s[k]) || s[k] is '.' or '$'))
        {
            k--;
        }

        return k + 1 < nameEnd ? k + 1 : -1;
    }

    // After the '(' of a call written with a gap: a number, string, ')' or an identifier ending at ) , . or //.
    private static bool ArgumentLooksLikeCode(ReadOnlySpan<char> s, int open)
    {
        var i = open + 1;
        if (s[open] == '`' || i >= s.Length)
        {
            return s[open] == '`';
        }

        if (char.IsAsciiDigit(s[i]) || s[i] is '\'' or '"' or '`' or ')')
        {
            return true;
        }

        var k = i;
        while (k < s.Length && (Scanning.IsIdentChar(s[k]) || s[k] == '$'))
        {
            k++;
        }

        return k > i && k < s.Length && (s[k] is ')' or ',' or '.' || Scanning.At(s, k, "//"));
    }

    // At a line break going backwards: when the previous line holds a // comment, continue before it.
    private static int SkipLineComment(ReadOnlySpan<char> s, int lineBreak)
    {
        var lineStart = s[..lineBreak].LastIndexOfAny('\n', '\r') + 1;
        var comment = s[lineStart..lineBreak].IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? lineBreak - 1 : lineStart + comment - 1;
    }

    // "a.b.alert" -> last "alert", owner "b".
    private static ReadOnlySpan<char> Split(ReadOnlySpan<char> chain, out ReadOnlySpan<char> owner)
    {
        chain = chain.TrimStart('.');
        var dot = chain.LastIndexOf('.');
        if (dot < 0)
        {
            owner = ReadOnlySpan<char>.Empty;
            return chain;
        }

        owner = chain[..dot];
        var ownerDot = owner.LastIndexOf('.');
        owner = ownerDot < 0 ? owner : owner[(ownerDot + 1)..];
        return chain[(dot + 1)..];
    }
}

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Reads parameter names the way developers write them: <c>returnUrl</c>, <c>redirect_uri</c>,
/// <c>RelayState</c>, <c>returnto</c> are split into words, and a name is a redirect target when one of its words
/// is.</summary>
public static class ParameterNames
{
    // Words that name a place to send the user. Short ones count only as whole words.
    private static readonly HashSet<string> RedirectWords = new(StringComparer.Ordinal)
    {
        "next", "url", "uri", "redirect", "redir", "redirects", "return", "ret", "continue", "goto", "go", "dest",
        "destination", "target", "callback", "forward", "fwd", "r", "u", "link", "out", "view", "to", "location",
        "jump", "navigate", "back", "relay", "relaystate", "success", "exit", "href", "service",
    };

    // Words that say redirect on their own, even among the many url/link/target properties of a JSON document
    // (telemetry reports page URLs all the time; a redirect target there is named as one).
    private static readonly HashSet<string> ExplicitWords = new(StringComparer.Ordinal)
    {
        "next", "redirect", "redir", "redirects", "return", "continue", "goto", "dest", "destination", "callback",
        "forward", "fwd", "jump", "navigate", "relay", "relaystate", "location",
    };

    // Longer words also recognised inside an all-lower-case compound (returnurl, redirectto, gotopage).
    private static readonly string[] CompoundWords = ["redirect", "redir", "return", "continue", "callback", "forward", "destination", "goto", "next", "url", "uri"];

    /// <summary>The words of a name: split at non-alphanumerics and at lower→upper case changes, lower-cased.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        for (var i = 0; NextWord(name, ref i, out var word);)
        {
            words.Add(name[word].ToLowerInvariant());
        }

        return words;
    }

    // The next word of a name from i on: split at non-alphanumerics, lower→upper case changes and letter↔digit changes.
    private static bool NextWord(string name, ref int i, out Range word)
    {
        while (i < name.Length && !char.IsLetterOrDigit(name[i]))
        {
            i++;
        }

        var start = i;
        while (i < name.Length && (i == start || (char.IsLetterOrDigit(name[i])
            && !(char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            && char.IsDigit(name[i]) == char.IsDigit(name[i - 1]))))
        {
            i++;
        }

        word = start..i;
        return i > start;
    }

    /// <summary>True when the name says the value is a place to redirect to; with <paramref name="explicitOnly"/>
    /// only words that say redirect on their own count (not url, link, target, to...).</summary>
    public static bool IsRedirectTarget(string name, bool explicitOnly = false) => IsRedirectTarget(name, explicitOnly, compounds: true);

    /// <inheritdoc cref="IsRedirectTarget(string, bool)"/>
    /// <param name="name">The parameter name.</param>
    /// <param name="explicitOnly">Only words that say redirect on their own.</param>
    /// <param name="compounds">Also look inside all-lower-case compounds (returnurl); off for header names, where
    /// X-Forwarded-For is not a forward.</param>
    public static bool IsRedirectTarget(string name, bool explicitOnly, bool compounds)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = explicitOnly ? ExplicitLookup : RedirectLookup;

        // The words of Words(name), one at a time and without allocating (once per value of every request).
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; NextWord(name, ref i, out var range);)
        {
            var raw = name.AsSpan()[range];
            var word = raw.Length <= buffer.Length ? buffer[..raw.Length] : new char[raw.Length];
            raw.ToLowerInvariant(word);
            if (IsRedirectWord(word, words, explicitOnly, compounds))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RedirectLookup = RedirectWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExplicitLookup = ExplicitWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRedirectWord(ReadOnlySpan<char> word, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words, bool explicitOnly, bool compounds)
    {
        if (words.Contains(word))
        {
            return true;
        }

        if (compounds && word.Length > 5)
        {
            foreach (var part in CompoundWords)
            {
                if (explicitOnly && part is "url" or "uri")
                {
                    continue;
                }

                if (word.StartsWith(part, StringComparison.Ordinal) || word.EndsWith(part, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

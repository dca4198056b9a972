namespace InfiniteSecurity.Detection.Html;

/// <summary>
/// A small, forgiving tokenizer following the HTML5 tag-open and attribute states: a tag starts at <c>&lt;</c>
/// followed by a letter, attribute names end at whitespace, '/', '=' or '&gt;', values are quoted or end at
/// whitespace, and an unclosed tag still counts (browsers are lenient and so are payloads such as
/// <c>&lt;svg onload=…</c> with no closing bracket). A '/' between name and attribute separates as in browsers
/// (<c>&lt;svg/onload=…</c>). Any tag name is accepted, custom elements included.
/// </summary>
internal static class HtmlTokenizer
{
    public const int MaxTags = 2048;

    /// <summary>Finds the next tag at or after <paramref name="from"/>.</summary>
    public static bool TryNextTag(ReadOnlySpan<char> s, int from, out HtmlTag tag)
    {
        tag = default;
        var i = from;
        while (i < s.Length)
        {
            var lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                return false;
            }

            i += lt;
            var j = i + 1;
            var end = false;
            if (j < s.Length && s[j] == '/')
            {
                end = true;
                j++;
            }

            // <?name ...> is a processing instruction (<?xml-stylesheet href=...>); read it like a tag.
            var instruction = !end && j + 1 < s.Length && s[j] == '?' && char.IsAsciiLetter(s[j + 1]);
            if (instruction || (j < s.Length && char.IsAsciiLetter(s[j])))
            {
                var nameStart = j;
                j += instruction ? 1 : 0;
                while (j < s.Length && (char.IsAsciiLetterOrDigit(s[j]) || s[j] is '-' or ':' or '_' or '.'))
                {
                    j++;
                }

                var name = s[nameStart..j].ToString().ToLowerInvariant();
                var close = FindTagEnd(s, j);
                tag = new HtmlTag(name, end, i, close, j);
                return true;
            }

            i++;
        }

        return false;
    }

    /// <summary>Reads attributes from <paramref name="tag"/>'s attribute area.</summary>
    public static void ReadAttributes(ReadOnlySpan<char> s, HtmlTag tag, List<HtmlAttribute> into)
    {
        into.Clear();
        var i = tag.AttributesStart;
        var limit = tag.End;
        while (i < limit && into.Count < 32)
        {
            while (i < limit && (char.IsWhiteSpace(s[i]) || s[i] is '/' or '"' or '\''))
            {
                i++;
            }

            if (i >= limit || s[i] == '>')
            {
                return;
            }

            var nameStart = i;
            while (i < limit && !char.IsWhiteSpace(s[i]) && s[i] is not '/' and not '=' and not '>')
            {
                i++;
            }

            var name = s[nameStart..i].ToString().ToLowerInvariant();
            var j = i;
            while (j < limit && char.IsWhiteSpace(s[j]))
            {
                j++;
            }

            var value = string.Empty;
            if (j < limit && s[j] == '=')
            {
                value = ReadValue(s, j + 1, limit, out i);
            }

            if (name.Length > 0)
            {
                into.Add(new HtmlAttribute(name, value, nameStart, i));
            }

            if (i == nameStart)
            {
                i++;
            }
        }
    }

    // After '=': a quoted value (', ", and the backtick old IE accepted) or an unquoted one ending at space or '>'.
    private static string ReadValue(ReadOnlySpan<char> s, int j, int limit, out int next)
    {
        while (j < limit && char.IsWhiteSpace(s[j]))
        {
            j++;
        }

        if (j < limit && s[j] is '"' or '\'' or '`')
        {
            var close = s[(j + 1)..limit].IndexOf(s[j]);
            var valueEnd = close < 0 ? limit : j + 1 + close;
            next = Math.Min(limit, valueEnd + 1);
            return s[(j + 1)..valueEnd].ToString();
        }

        var start = j;
        while (j < limit && !char.IsWhiteSpace(s[j]) && s[j] != '>')
        {
            j++;
        }

        next = j;
        return s[start..j].ToString();
    }

    private static int FindTagEnd(ReadOnlySpan<char> s, int i)
    {
        char quote = '\0';
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'' && i > 0 && s[i - 1] == '=')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
            else if (c == '<' && i + 1 < s.Length && char.IsAsciiLetter(s[i + 1]))
            {
                // A new tag starts before this one closed: the browser would recover the same way.
                return i;
            }
        }

        return s.Length;
    }
}

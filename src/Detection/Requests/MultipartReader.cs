using System.Text;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>Splits a multipart/form-data body (RFC 7578) into parts; linear in the body length.</summary>
internal static class MultipartReader
{
    /// <summary>The parts, or null with <paramref name="error"/> when the body is not well-formed multipart.</summary>
    public static List<MultipartPart>? TryRead(ReadOnlyMemory<byte> body, string boundary, int maxParts, out string? error)
    {
        var span = body.Span;
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var first = span.IndexOf(delimiter);
        if (first < 0)
        {
            error = "multipart body does not contain its boundary";
            return null;
        }

        var parts = new List<MultipartPart>();
        var pos = first + delimiter.Length;
        while (true)
        {
            if (span[pos..].StartsWith("--"u8))
            {
                error = null;
                return parts;
            }

            pos = SkipLineEnd(span, pos);
            // The part ends at the next delimiter; its header block is searched only inside it, so the whole body is
            // read a bounded number of times however many parts it has.
            var partLength = span[pos..].IndexOf(delimiter);
            if (partLength < 0)
            {
                error = "multipart body has no closing boundary";
                return null;
            }

            var headEnd = IndexOfBlankLine(span.Slice(pos, partLength), out var blankLength);
            if (headEnd < 0)
            {
                error = "multipart part headers are not terminated by an empty line";
                return null;
            }

            var headers = Encoding.UTF8.GetString(span.Slice(pos, headEnd));
            var contentStart = pos + headEnd + blankLength;
            var next = pos + partLength - contentStart;
            var contentEnd = contentStart + next;
            if (contentEnd > contentStart && span[contentEnd - 1] == '\n')
            {
                contentEnd -= contentEnd - 1 > contentStart && span[contentEnd - 2] == '\r' ? 2 : 1;
            }

            if (!TryPart(headers, body[contentStart..contentEnd], out var part, out error))
            {
                return null;
            }

            if (parts.Count >= maxParts)
            {
                error = $"more than {maxParts} multipart parts";
                return parts;
            }

            parts.Add(part!);
            pos = contentStart + next + delimiter.Length;
        }
    }

    /// <summary>The <c>boundary</c> parameter of a Content-Type, unquoted, or null.</summary>
    public static string? Boundary(string contentType)
    {
        var value = HeaderParameter(contentType, "boundary");
        return string.IsNullOrEmpty(value) || value.Length > 200 ? null : value;
    }

    /// <summary>A <c>name=value</c> or <c>name="value"</c> parameter of a header value, or null.</summary>
    public static string? HeaderParameter(string header, string name)
    {
        foreach (var raw in SplitParameters(header))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && raw[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var v = raw[(eq + 1)..].Trim();
                return v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : v;
            }
        }

        return null;
    }

    private static bool TryPart(string headers, ReadOnlyMemory<byte> content, out MultipartPart? part, out string? error)
    {
        string? disposition = null, type = null;
        foreach (var line in headers.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
            {
                disposition = value;
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
        }

        if (disposition is null)
        {
            part = null;
            error = "multipart part without Content-Disposition";
            return false;
        }

        part = new MultipartPart(HeaderParameter(disposition, "name") ?? string.Empty, HeaderParameter(disposition, "filename"), type, content);
        error = null;
        return true;
    }

    // Splits on ';' outside double quotes, so a quoted file name may contain ';'.
    private static IEnumerable<string> SplitParameters(string header)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i] == '"' && (i == 0 || header[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (header[i] == ';' && !quoted)
            {
                yield return header[start..i];
                start = i + 1;
            }
        }

        yield return header[start..];
    }

    private static int SkipLineEnd(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && s[pos] is (byte)' ' or (byte)'\t')
        {
            pos++;
        }

        if (pos < s.Length && s[pos] == '\r')
        {
            pos++;
        }

        if (pos < s.Length && s[pos] == '\n')
        {
            pos++;
        }

        return pos;
    }

    private static int IndexOfBlankLine(ReadOnlySpan<byte> s, out int length)
    {
        if (s.StartsWith("\r\n"u8))
        {
            length = 2;
            return 0;
        }

        if (s.StartsWith("\n"u8))
        {
            length = 1;
            return 0;
        }

        var crlf = s.IndexOf("\r\n\r\n"u8);
        var lf = s.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            length = 4;
            return crlf;
        }

        length = 2;
        return lf;
    }
}

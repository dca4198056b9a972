using System.Globalization;
using System.Text;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>The request as received.</summary>
/// <param name="Method">Request method as sent, e.g. <c>GET</c>.</param>
/// <param name="Target">The request-target as sent: path plus optional <c>?query</c>, percent-encoded.</param>
/// <param name="Headers">Header fields in order, duplicates kept, names as sent.</param>
/// <param name="Body">The body, de-chunked.</param>
public sealed record HttpRequestData(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    /// <summary>The path part of <see cref="Target"/> (before <c>?</c>), still percent-encoded; an absolute-form
    /// target (<c>http://host/p</c>) gives its path.</summary>
    public string RawPath
    {
        get
        {
            var t = Target;
            var q = t.IndexOf('?', StringComparison.Ordinal);
            var path = q < 0 ? t : t[..q];
            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            if (scheme > 0 && path[0] != '/')
            {
                var slash = path.IndexOf('/', scheme + 3);
                path = slash < 0 ? "/" : path[slash..];
            }

            return path;
        }
    }

    /// <summary>The query part of <see cref="Target"/> without <c>?</c>, or null when there is none.</summary>
    public string? RawQuery
    {
        get
        {
            var q = Target.IndexOf('?', StringComparison.Ordinal);
            return q < 0 ? null : Target[(q + 1)..];
        }
    }

    /// <summary>The first value of header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name)
    {
        foreach (var h in Headers)
        {
            if (string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        return null;
    }

    /// <summary>The Host header without port, lower-cased, or null.</summary>
    public string? Host
    {
        get
        {
            var h = Header("Host")?.Trim();
            if (string.IsNullOrEmpty(h))
            {
                return null;
            }

            var colon = h.StartsWith('[') ? h.IndexOf("]:", StringComparison.Ordinal) + 1 : h.LastIndexOf(':');
            return (colon > 0 ? h[..colon] : h).ToLowerInvariant();
        }
    }

    /// <summary>
    /// Parses a raw HTTP/1.x message: request line, header fields (obsolete line folding joined, duplicates kept),
    /// body by <c>Transfer-Encoding: chunked</c> or <c>Content-Length</c> (without either, whatever follows the head).
    /// Bare LF line ends are accepted. Throws <see cref="RequestFormatException"/> with a clear message for a
    /// malformed message; the body limit is not enforced here (the inspector reports an oversized body).
    /// </summary>
    public static HttpRequestData Parse(ReadOnlySpan<byte> message, RequestLimits limits) => Parse(message, limits, allowShortBody: false);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, RequestLimits)"/>
    /// <param name="message">The raw message.</param>
    /// <param name="limits">Bounds on the header section.</param>
    /// <param name="allowShortBody">Accept a body shorter than its Content-Length (a stored capture whose body was
    /// edited afterwards) instead of reporting it truncated.</param>
    public static HttpRequestData Parse(ReadOnlySpan<byte> message, RequestLimits limits, bool allowShortBody)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (message.IsEmpty)
        {
            throw new RequestFormatException("empty message: no request line");
        }

        var (headLength, bodyStart) = FindHeadEnd(message);
        if (headLength < 0)
        {
            throw new RequestFormatException("the header section is not terminated by an empty line");
        }

        if (headLength > limits.MaxTotalChars)
        {
            throw new RequestFormatException($"the header section is {headLength} bytes, over the limit of {limits.MaxTotalChars}");
        }

        var head = Encoding.UTF8.GetString(message[..headLength]);
        var lines = head.Split('\n');
        var (method, target) = ParseRequestLine(lines[0].TrimEnd('\r'));
        var headers = ParseHeaders(lines, limits);
        var body = ParseBody(message[bodyStart..], headers, allowShortBody);
        return new HttpRequestData(method, target, headers, body);
    }

    private static (int HeadLength, int BodyStart) FindHeadEnd(ReadOnlySpan<byte> message)
    {
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] != '\n')
            {
                continue;
            }

            if (i + 1 < message.Length && message[i + 1] == '\n')
            {
                return (i, i + 2);
            }

            if (i + 2 < message.Length && message[i + 1] == '\r' && message[i + 2] == '\n')
            {
                return (i > 0 && message[i - 1] == '\r' ? i - 1 : i, i + 3);
            }
        }

        // A message that is only a head (no blank line at all, as some tools store GET requests) is accepted when
        // it ends with a line end.
        return message.Length > 0 && message[^1] == '\n' ? (message.Length - 1, message.Length) : (-1, -1);
    }

    private static (string Method, string Target) ParseRequestLine(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3)
        {
            throw new RequestFormatException($"request line must be 'METHOD target HTTP/x.y', got {parts.Length} space-separated parts");
        }

        var (method, target, version) = (parts[0], parts[1], parts[2]);
        if (method.Length == 0 || !method.All(IsTokenChar))
        {
            throw new RequestFormatException("request method is empty or contains characters outside the token set");
        }

        if (target.Length == 0 || target.Any(c => c <= ' ' || c == '\x7f'))
        {
            throw new RequestFormatException("request-target is empty or contains control characters or spaces");
        }

        if (!version.StartsWith("HTTP/1.", StringComparison.Ordinal) || version.Length != 8 || !char.IsAsciiDigit(version[7]))
        {
            throw new RequestFormatException($"unsupported protocol version '{Cut(version)}': only HTTP/1.x messages are parsed");
        }

        return (method, target);
    }

    private static List<KeyValuePair<string, string>> ParseHeaders(string[] lines, RequestLimits limits)
    {
        var headers = new List<KeyValuePair<string, string>>();
        StringBuilder? folded = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (folded is not null && line[0] is not (' ' or '\t'))
            {
                headers[^1] = new(headers[^1].Key, folded.ToString());
                folded = null;
            }

            if (line[0] is ' ' or '\t')
            {
                // Obsolete line folding (RFC 9112 5.2): the continuation joins the previous value with one space.
                if (headers.Count == 0)
                {
                    throw new RequestFormatException($"header line {i} is a continuation with no header before it");
                }

                folded ??= new StringBuilder(headers[^1].Value);
                folded.Append(' ').Append(line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new RequestFormatException($"header line {i} has no field name followed by ':'");
            }

            var name = line[..colon];
            if (!name.All(IsTokenChar))
            {
                throw new RequestFormatException($"header line {i}: field name '{Cut(name)}' contains characters outside the token set (whitespace before ':' is not allowed)");
            }

            if (headers.Count >= limits.MaxValues)
            {
                throw new RequestFormatException($"more than {limits.MaxValues} header fields");
            }

            headers.Add(new(name, line[(colon + 1)..].Trim(' ', '\t')));
        }

        if (folded is not null)
        {
            headers[^1] = new(headers[^1].Key, folded.ToString());
        }

        return headers;
    }

    private static byte[] ParseBody(ReadOnlySpan<byte> rest, List<KeyValuePair<string, string>> headers, bool allowShortBody)
    {
        string? transferEncoding = null, contentLength = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transferEncoding = transferEncoding is null ? value : transferEncoding + "," + value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (contentLength is not null && contentLength != value.Trim())
                {
                    throw new RequestFormatException("two Content-Length headers with different values");
                }

                contentLength = value.Trim();
            }
        }

        if (transferEncoding is not null)
        {
            if (contentLength is not null)
            {
                throw new RequestFormatException("both Transfer-Encoding and Content-Length are present (a request smuggling shape)");
            }

            var codings = transferEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (codings.Length == 0 || !codings[^1].Equals("chunked", StringComparison.OrdinalIgnoreCase))
            {
                throw new RequestFormatException($"Transfer-Encoding '{Cut(transferEncoding)}' does not end with chunked");
            }

            return Dechunk(rest);
        }

        if (contentLength is not null)
        {
            if (!long.TryParse(contentLength, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new RequestFormatException($"Content-Length '{Cut(contentLength)}' is not a non-negative decimal number");
            }

            if (length > rest.Length && !allowShortBody)
            {
                throw new RequestFormatException($"body is truncated: Content-Length says {length} bytes, {rest.Length} follow the header section");
            }

            return rest[..(int)Math.Min(length, rest.Length)].ToArray();
        }

        return rest.ToArray();
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> rest)
    {
        var body = new List<byte>(rest.Length);
        var pos = 0;
        while (true)
        {
            var lineEnd = rest[pos..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                throw new RequestFormatException("chunked body: chunk size line is not terminated");
            }

            var sizeLine = Encoding.ASCII.GetString(rest.Slice(pos, lineEnd)).TrimEnd('\r');
            var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var sizeText = (semicolon < 0 ? sizeLine : sizeLine[..semicolon]).Trim();
            if (sizeText.Length is 0 or > 8 || !int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new RequestFormatException($"chunked body: '{Cut(sizeText)}' is not a hexadecimal chunk size");
            }

            pos += lineEnd + 1;
            if (size == 0)
            {
                // Trailer fields, if any, are not part of the body.
                return [.. body];
            }

            if (rest.Length - pos < size)
            {
                throw new RequestFormatException($"chunked body is truncated: chunk of {size} bytes, {rest.Length - pos} remain");
            }

            body.AddRange(rest.Slice(pos, size));
            pos += size;
            if (rest[pos..].StartsWith("\r\n"u8))
            {
                pos += 2;
            }
            else if (rest[pos..].StartsWith("\n"u8))
            {
                pos += 1;
            }
            else
            {
                throw new RequestFormatException("chunked body: chunk data is not followed by a line end");
            }
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "..." : s;
}

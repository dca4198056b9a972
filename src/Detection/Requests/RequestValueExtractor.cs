using System.Text;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>
/// Splits a request into located values the way a server hands them to an application: path and its segments,
/// query parameters, headers, cookies, and the body by its Content-Type (form, JSON, ndjson, multipart, XML, text).
/// Positions that are percent-encoded on the wire are decoded once; every further decoding is the engine's.
/// Never throws for content: malformed bodies, binary types and limits become <see cref="ExtractedRequest.Problems"/>.
/// </summary>
public static class RequestValueExtractor
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static ExtractedRequest Extract(HttpRequestData request, RequestLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Target, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Headers, nameof(request));
        var sink = new ValueSink(limits ?? RequestLimits.Default);
        var path = PercentDecoder.Decode(request.RawPath, plusAsSpace: false);
        AddPath(path, sink);
        if (request.RawQuery is { } query)
        {
            AddPairs(query, '&', ValueSource.Query, "query", sink);
        }

        string? contentType = null, contentEncoding = null;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                AddCookies(value, sink);
                continue;
            }

            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType ??= value;
            }
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                contentEncoding ??= value;
            }

            sink.Add("header:" + name, ValueSource.Header, ValueShape.Value, name, value);
        }

        if (!request.Body.IsEmpty && !sink.Full)
        {
            AddBody(request.Body, contentType, contentEncoding, sink);
        }

        return new ExtractedRequest(path, sink.Values, sink.Problems);
    }

    private static void AddPath(string path, ValueSink sink)
    {
        sink.Add("path", ValueSource.Path, ValueShape.Value, string.Empty, path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            // A segment is worth its own look only when it carries more than a plain word: the whole path already
            // covers the rest, and the engine's prefilter would pass it anyway.
            if (!IsPlainWord(segments[i]) && !sink.Add($"path:{i + 1}", ValueSource.Path, ValueShape.Value, string.Empty, segments[i]))
            {
                return;
            }
        }
    }

    private static bool IsPlainWord(string s)
    {
        foreach (var c in s)
        {
            if (!(char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddPairs(string text, char separator, ValueSource source, string prefix, ValueSink sink)
    {
        foreach (var pair in text.Split(separator))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = PercentDecoder.Decode(eq < 0 ? pair : pair[..eq], plusAsSpace: true);
            var value = eq < 0 ? string.Empty : PercentDecoder.Decode(pair[(eq + 1)..], plusAsSpace: true);
            if (!AddNamedValue(prefix, name, value, source, sink))
            {
                return;
            }
        }
    }

    private static void AddCookies(string header, ValueSink sink)
    {
        foreach (var raw in header.Split(';'))
        {
            var pair = raw.Trim();
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? string.Empty : pair[..eq].Trim();
            var value = eq < 0 ? pair : pair[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }

            // Frameworks percent-decode cookie values (ASP.NET Core, PHP, Express); '+' stays a plus there.
            if (!AddNamedValue("cookie", name, PercentDecoder.Decode(value, plusAsSpace: false), ValueSource.Cookie, sink))
            {
                return;
            }
        }
    }

    // A named value (query, form, cookie, text part): the name when it is more than a plain word, then the value
    // with what it holds (JSON, a URL, a query string).
    private static bool AddNamedValue(string prefix, string name, string value, ValueSource source, ValueSink sink)
    {
        if (!IsPlainWord(name) && !sink.Add($"{prefix}-key:{name}", source, ValueShape.Key, name, name))
        {
            return false;
        }

        return new ValueExpander(sink).Add($"{prefix}:{name}", source, ValueShape.Value, name, value);
    }

    private static void AddBody(ReadOnlyMemory<byte> body, string? contentType, string? contentEncoding, ValueSink sink)
    {
        if (body.Length > sink.Limits.MaxBodyBytes)
        {
            sink.Problem($"body of {body.Length} bytes is over the limit of {sink.Limits.MaxBodyBytes}: not analysed");
            return;
        }

        if (contentEncoding is not null)
        {
            var decoded = BodyDecoder.TryDecode(body, contentEncoding, sink.Limits.MaxBodyBytes, out var problem);
            if (decoded is null)
            {
                sink.Problem(problem!);
                return;
            }

            body = decoded.Value;
        }

        var type = MediaType(contentType);
        switch (BodyKinds.Of(type))
        {
            case BodyKind.Form:
                AddPairs(Text(body), '&', ValueSource.Form, "form", sink);
                break;
            case BodyKind.Json:
                AddJson(body, sink);
                break;
            case BodyKind.NdJson:
                AddNdJson(body, sink);
                break;
            case BodyKind.Multipart:
                AddMultipart(body, contentType!, sink);
                break;
            case BodyKind.Xml:
                AddXml(body, sink);
                break;
            case BodyKind.Binary:
                sink.Problem($"body of binary type '{type}' ({body.Length} bytes): not analysed");
                break;
            default:
                AddText(body, type, sink);
                break;
        }
    }

    private static void AddJson(ReadOnlyMemory<byte> body, ValueSink sink)
    {
        var text = Text(body);
        if (!JsonValueWalker.TryWalk(body, sink, ValueSource.Body, "body:", "body-key:", BodyString(sink), out var error))
        {
            sink.Problem("malformed JSON body, analysed as text: " + error);
            sink.Add("body", ValueSource.Body, ValueShape.Text, string.Empty, text);
            return;
        }

        sink.Add("body", ValueSource.Body, ValueShape.Document, string.Empty, text);
    }

    private static JsonValueWalker.StringValue BodyString(ValueSink sink)
    {
        var expander = new ValueExpander(sink);
        return (location, name, value) => expander.Add(location, ValueSource.Body, ValueShape.JsonString, name, value, depth: 1, fromJson: true);
    }

    private static void AddNdJson(ReadOnlyMemory<byte> body, ValueSink sink)
    {
        var text = Text(body);
        var line = 0;
        foreach (var doc in text.Split('\n'))
        {
            line++;
            if (string.IsNullOrWhiteSpace(doc))
            {
                continue;
            }

            if (JsonValueWalker.TryWalk(doc, sink, ValueSource.Body, $"body:{line}", $"body-key:{line}", BodyString(sink), out var error))
            {
                sink.Add($"body:{line}", ValueSource.Body, ValueShape.Document, string.Empty, doc);
            }
            else
            {
                sink.Problem($"malformed JSON on line {line} of an ndjson body, analysed as text: {error}");
                sink.Add($"body:{line}", ValueSource.Body, ValueShape.Text, string.Empty, doc);
            }

            if (sink.Full)
            {
                return;
            }
        }
    }

    private static void AddXml(ReadOnlyMemory<byte> body, ValueSink sink)
    {
        var text = Text(body);
        if (XmlValueWalker.TryWalk(body, sink, out var error))
        {
            sink.Add("body", ValueSource.Body, ValueShape.Document, string.Empty, text);
        }
        else
        {
            sink.Problem("malformed XML body, analysed as text: " + error);
            sink.Add("body", ValueSource.Body, ValueShape.Text, string.Empty, text);
        }
    }

    private static void AddMultipart(ReadOnlyMemory<byte> body, string contentType, ValueSink sink)
    {
        var boundary = MultipartReader.Boundary(contentType);
        if (boundary is null)
        {
            sink.Problem("multipart body without a boundary parameter, analysed as text");
            AddText(body, "multipart/form-data", sink);
            return;
        }

        var parts = MultipartReader.TryRead(body, boundary, sink.Limits.MaxValues, out var error);
        if (parts is null)
        {
            sink.Problem("malformed multipart body, analysed as text: " + error);
            AddText(body, "multipart/form-data", sink);
            return;
        }

        if (error is not null)
        {
            sink.Problem(error);
        }

        foreach (var part in parts)
        {
            if (!AddPart(part, sink))
            {
                return;
            }
        }
    }

    private static bool AddPart(MultipartPart part, ValueSink sink)
    {
        var at = "multipart:" + part.Name;
        if (!IsPlainWord(part.Name) && !sink.Add("multipart-key:" + part.Name, ValueSource.Multipart, ValueShape.Key, part.Name, part.Name))
        {
            return false;
        }

        if (part.FileName is not null && !sink.Add(at + ".filename", ValueSource.Multipart, ValueShape.FileName, part.Name, part.FileName))
        {
            return false;
        }

        if (part.ContentType is not null && !sink.Add(at + ".content-type", ValueSource.Multipart, ValueShape.ContentType, part.Name, part.ContentType))
        {
            return false;
        }

        var kind = BodyKinds.Of(MediaType(part.ContentType));
        var textual = part.FileName is null ? kind != BodyKind.Binary : kind is BodyKind.Text or BodyKind.Json or BodyKind.Xml && part.ContentType is not null;
        if (!textual || !TryText(part.Content, out var text))
        {
            return true;
        }

        return AddNamedValue("multipart", part.Name, text, ValueSource.Multipart, sink) || !sink.Full;
    }

    // A text body is often structured all the same: beacons post JSON or form pairs as text/plain. Such a body is
    // walked as what it is; anything else is one text value.
    private static void AddText(ReadOnlyMemory<byte> body, string type, ValueSink sink)
    {
        if (!TryText(body, out var text))
        {
            sink.Problem($"body of type '{(type.Length == 0 ? "none" : type)}' is not text ({body.Length} bytes): not analysed");
            return;
        }

        if (JsonValueWalker.LooksLikeJson(text) && JsonValueWalker.TryWalk(text, sink, ValueSource.Body, "body:", "body-key:", BodyString(sink), out _))
        {
            sink.Add("body", ValueSource.Body, ValueShape.Document, string.Empty, text);
            return;
        }

        if (CompositeValue.LooksLikeQuery(text))
        {
            AddPairs(text, '&', ValueSource.Form, "form", sink);
            return;
        }

        sink.Add("body", ValueSource.Body, ValueShape.Text, string.Empty, text);
    }

    private static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    // Text is valid UTF-8 without NUL and with few other control characters; anything else is binary.
    private static bool TryText(ReadOnlyMemory<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes.Span);
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }

        var controls = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return false;
            }

            if (c < ' ' && c is not '\t' and not '\r' and not '\n')
            {
                controls++;
            }
        }

        return controls * 20 <= text.Length;
    }

    private static string MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return string.Empty;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }
}

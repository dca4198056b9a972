using InfiniteSecurity.Detection.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// Builds the inspector's <see cref="HttpRequestData"/> from an ASP.NET Core request: method, the request-target as
/// sent, every header value (the Cookie header carries the cookies) and, unless its type is binary, the body. The
/// body is buffered (<c>EnableBuffering</c>) and rewound, so the app reads it afterwards as if untouched; at most <c>MaxBodyBytes</c> (+1 to detect an oversized chunked body) are read here, the rest streams on to the app.
/// </summary>
internal sealed class HttpRequestDataReader(ThreatDetectionOptions options)
{
    // Kestrel has already removed the chunked framing, so the inspector must not see a transfer coding it would
    // try to undo.
    private static readonly HashSet<string> DroppedHeaders = new(StringComparer.OrdinalIgnoreCase) { HeaderNames.TransferEncoding };

    public async Task<CapturedRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var headers = Headers(request);
        var target = RawTarget(request);
        if (!HasInspectableBody(request))
        {
            return new CapturedRequest(new HttpRequestData(request.Method, target, headers, ReadOnlyMemory<byte>.Empty), false, []);
        }

        var limit = options.MaxBodyBytes;
        var handling = EffectiveHandling(options);
        if (request.ContentLength > limit && handling != OversizedBodyHandling.InspectPrefix)
        {
            // Skipped or rejected: nothing of the body is read, so nothing needs buffering.
            var problem = $"body of {request.ContentLength} bytes exceeds the inspection limit of {limit} bytes and was not inspected";
            return new CapturedRequest(new HttpRequestData(request.Method, target, headers, ReadOnlyMemory<byte>.Empty), true, [problem]);
        }

        request.EnableBuffering();
        var (body, overLimit) = await ReadPrefixAsync(request.Body, request.ContentLength, limit, cancellationToken);
        request.Body.Position = 0;
        if (!overLimit)
        {
            return new CapturedRequest(new HttpRequestData(request.Method, target, headers, body), false, []);
        }

        var size = request.ContentLength is { } length ? $"{length} bytes" : "more than " + limit + " bytes";
        if (handling == OversizedBodyHandling.InspectPrefix)
        {
            var prefix = MultipartPrefix.Close(body, request.ContentType);
            return new CapturedRequest(new HttpRequestData(request.Method, target, headers, prefix), true,
                [$"body of {size} exceeds the inspection limit of {limit} bytes; only the first {limit} bytes were inspected"]);
        }

        return new CapturedRequest(new HttpRequestData(request.Method, target, headers, ReadOnlyMemory<byte>.Empty), true,
            [$"body of {size} exceeds the inspection limit of {limit} bytes and was not inspected"]);
    }

    /// <summary>Monitor mode never refuses a request, so there a body that would be rejected has its prefix inspected.</summary>
    internal static OversizedBodyHandling EffectiveHandling(ThreatDetectionOptions options) =>
        options is { OversizedBody: OversizedBodyHandling.Reject, Mode: ThreatDetectionMode.Monitor }
            ? OversizedBodyHandling.InspectPrefix
            : options.OversizedBody;

    // Bodies the inspector does not analyse (it records them as a problem); reading them would only cost memory.
    private static readonly HashSet<string> BinaryTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream", "application/x-protobuf", "application/protobuf", "application/x-google-protobuf",
        "application/vnd.google.protobuf", "application/grpc", "application/grpc-web", "application/grpc-web+proto",
        "application/x-thrift", "application/msgpack", "application/x-msgpack", "application/cbor", "application/zip",
        "application/gzip", "application/x-gzip", "application/pdf", "application/wasm",
    };

    private static readonly string[] BinaryTops = ["image/", "audio/", "video/", "font/"];

    /// <summary>
    /// Every body but a binary one: form, multipart, JSON, ndjson, XML, text, and also an unknown, missing or broken
    /// content type, because an app that parses its body whatever the header says must not be an easy way around
    /// inspection. The same split as the inspector's body processors.
    /// </summary>
    internal static bool IsInspectableContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)
            || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return true;
        }

        if (BinaryTypes.Contains(type)
            || type.EndsWith("+proto", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+protobuf", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return type.Equals("image/svg+xml", StringComparison.OrdinalIgnoreCase)
            || !BinaryTops.Any(top => type.StartsWith(top, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasInspectableBody(HttpRequest request)
    {
        // CanHaveBody covers Content-Length, chunked HTTP/1.1 and HTTP/2 or 3 streams without a length.
        var hasBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? request.ContentLength > 0 || request.Headers.ContainsKey(HeaderNames.TransferEncoding);
        hasBody &= request.ContentLength != 0;
        return hasBody && IsInspectableContentType(request.ContentType);
    }

    private static string RawTarget(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return string.IsNullOrEmpty(raw) ? (request.PathBase + request.Path + request.QueryString).ToString() : raw;
    }

    private static List<KeyValuePair<string, string>> Headers(HttpRequest request)
    {
        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            if (DroppedHeaders.Contains(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                headers.Add(new KeyValuePair<string, string>(name, value ?? string.Empty));
            }
        }

        return headers;
    }

    /// <summary>Reads up to <paramref name="limit"/> bytes; one byte more tells an oversized body of unknown length.</summary>
    private static async Task<(ReadOnlyMemory<byte> Body, bool OverLimit)> ReadPrefixAsync(Stream body, long? contentLength, int limit, CancellationToken cancellationToken)
    {
        var wanted = contentLength is { } length ? (int)Math.Min(length, limit + 1L) : limit + 1;
        var buffer = new byte[Math.Min(wanted, 64 * 1024)];
        var read = 0;
        while (read < wanted)
        {
            if (read == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(wanted, buffer.Length * 2L));
            }

            var n = await body.ReadAsync(buffer.AsMemory(read, buffer.Length - read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var overLimit = read > limit || contentLength > limit;
        return (buffer.AsMemory(0, Math.Min(read, limit)), overLimit);
    }
}

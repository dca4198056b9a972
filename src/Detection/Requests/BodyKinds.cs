namespace InfiniteSecurity.Detection.Requests;

/// <summary>Media type → body processor, as a table (Coraza's body processors, without the rules).</summary>
internal static class BodyKinds
{
    private static readonly Dictionary<string, BodyKind> Exact = new(StringComparer.Ordinal)
    {
        ["application/x-www-form-urlencoded"] = BodyKind.Form,
        ["application/json"] = BodyKind.Json,
        ["text/json"] = BodyKind.Json,
        ["application/csp-report"] = BodyKind.Json,
        ["application/x-ndjson"] = BodyKind.NdJson,
        ["application/ndjson"] = BodyKind.NdJson,
        ["application/x-json-stream"] = BodyKind.NdJson,
        ["application/jsonl"] = BodyKind.NdJson,
        ["application/json-seq"] = BodyKind.NdJson,
        ["multipart/form-data"] = BodyKind.Multipart,
        ["text/xml"] = BodyKind.Xml,
        ["application/xml"] = BodyKind.Xml,
        ["application/soap+xml"] = BodyKind.Xml,
        ["application/octet-stream"] = BodyKind.Binary,
        ["application/x-protobuf"] = BodyKind.Binary,
        ["application/protobuf"] = BodyKind.Binary,
        ["application/x-google-protobuf"] = BodyKind.Binary,
        ["application/vnd.google.protobuf"] = BodyKind.Binary,
        ["application/grpc"] = BodyKind.Binary,
        ["application/grpc-web"] = BodyKind.Binary,
        ["application/grpc-web+proto"] = BodyKind.Binary,
        ["application/x-thrift"] = BodyKind.Binary,
        ["application/msgpack"] = BodyKind.Binary,
        ["application/x-msgpack"] = BodyKind.Binary,
        ["application/cbor"] = BodyKind.Binary,
        ["application/zip"] = BodyKind.Binary,
        ["application/gzip"] = BodyKind.Binary,
        ["application/x-gzip"] = BodyKind.Binary,
        ["application/pdf"] = BodyKind.Binary,
        ["application/wasm"] = BodyKind.Binary,
    };

    private static readonly string[] BinaryTops = ["image/", "audio/", "video/", "font/"];

    public static BodyKind Of(string mediaType)
    {
        if (Exact.TryGetValue(mediaType, out var kind))
        {
            return kind;
        }

        if (mediaType.EndsWith("+json", StringComparison.Ordinal) || mediaType.StartsWith("application/x-amz-json", StringComparison.Ordinal))
        {
            return BodyKind.Json;
        }

        if (mediaType.EndsWith("+xml", StringComparison.Ordinal))
        {
            return BodyKind.Xml;
        }

        if (mediaType.EndsWith("+proto", StringComparison.Ordinal) || mediaType.EndsWith("+protobuf", StringComparison.Ordinal))
        {
            return BodyKind.Binary;
        }

        foreach (var top in BinaryTops)
        {
            if (mediaType.StartsWith(top, StringComparison.Ordinal))
            {
                return mediaType == "image/svg+xml" ? BodyKind.Xml : BodyKind.Binary;
            }
        }

        return BodyKind.Text;
    }
}

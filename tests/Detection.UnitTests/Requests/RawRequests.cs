using System.Text;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Detection.UnitTests.Requests;

/// <summary>Builds short raw HTTP/1.1 messages for tests (hand-written hosts and paths).</summary>
internal static class RawRequests
{
    public const string Host = "shop.example.test";

    public static byte[] Message(string method, string target, string? contentType = null, string body = "", params string[] headers)
    {
        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        sb.Append("Host: ").Append(Host).Append("\r\n");
        sb.Append("User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n");
        sb.Append("Accept: text/html,application/xhtml+xml,*/*;q=0.8\r\n");
        foreach (var h in headers)
        {
            sb.Append(h).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        if (contentType is not null)
        {
            sb.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        if (bytes.Length > 0)
        {
            sb.Append("Content-Length: ").Append(bytes.Length).Append("\r\n");
        }

        sb.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(sb.ToString()), .. bytes];
    }

    public static HttpRequestData Request(string method, string target, string? contentType = null, string body = "", params string[] headers) =>
        HttpRequestData.Parse(Message(method, target, contentType, body, headers), RequestLimits.Default);

    public static HttpRequestData Get(string target, params string[] headers) => Request("GET", target, null, string.Empty, headers);

    public static HttpRequestData Post(string target, string contentType, string body, params string[] headers) => Request("POST", target, contentType, body, headers);

    public static ExtractedRequest Values(HttpRequestData request, RequestLimits? limits = null) => RequestValueExtractor.Extract(request, limits);

    public static string? ValueAt(this ExtractedRequest e, string location) => e.Values.FirstOrDefault(v => v.Location == location)?.Value;

    public static IReadOnlyList<string> Locations(this ExtractedRequest e) => e.Values.Select(v => v.Location).ToArray();
}

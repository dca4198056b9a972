using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// Ordinary browser-like requests (our own host and paths) carrying one attack input at one position, encoded the
/// way that position is: percent-encoding for query and cookie, form encoding, JSON string escaping, and for a
/// header the raw text with control characters percent-encoded (a header cannot carry a raw line break).
/// Open-redirect inputs go to a redirect-target name (<c>next</c>, <c>returnUrl</c>, <c>return_to</c>), the only
/// place they are attacks; every other family to a plain name.
/// </summary>
internal static class AttackRequests
{
    private const string Browser =
        "Host: shop.example.test\r\n" +
        "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n" +
        "Accept-Language: en-GB,en;q=0.8\r\n" +
        "Accept-Encoding: gzip, deflate, br\r\n" +
        "Sec-Fetch-Site: same-origin\r\n" +
        "Sec-Fetch-Mode: navigate\r\n" +
        "Referer: https://shop.example.test/catalogue/lamps?page=2\r\n" +
        "Connection: keep-alive\r\n";

    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>False where the family is not an attack by definition (an open redirect in a User-Agent).</summary>
    public static bool Applicable(Position position, string family) =>
        !(position == Position.Header && family == ThreatCategory.OpenRedirect);

    public static byte[] Build(Position position, string family, string input)
    {
        var redirect = family == ThreatCategory.OpenRedirect;
        var ua = UserAgent;
        var cookie = "sid=7d1e0c94b2; theme=light";
        string method = "GET", target = "/catalogue/search?sort=price&page=1", contentType = string.Empty, body = string.Empty;
        switch (position)
        {
            case Position.Query:
                target = $"/catalogue/search?sort=price&{(redirect ? "next" : "q")}={Uri.EscapeDataString(input)}&page=1";
                break;
            case Position.Form:
                (method, target, contentType) = ("POST", "/account/profile", "application/x-www-form-urlencoded");
                body = $"display_name=Robin&{(redirect ? "next" : "comment")}={Uri.EscapeDataString(input).Replace("%20", "+", StringComparison.Ordinal)}&newsletter=on";
                break;
            case Position.Json:
                (method, target, contentType) = ("POST", "/api/orders/notes", "application/json");
                body = $"{{\"order\":{{\"id\":1042,\"{(redirect ? "returnUrl" : "note")}\":{JsonSerializer.Serialize(input, Json)}}},\"gift\":false}}";
                break;
            case Position.Cookie:
                cookie = $"sid=7d1e0c94b2; {(redirect ? "return_to" : "prefs")}={Uri.EscapeDataString(input)}; theme=light";
                break;
            case Position.Header:
                ua = HeaderSafe(input);
                break;
        }

        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n").Append(Browser);
        sb.Append("User-Agent: ").Append(ua).Append("\r\n");
        sb.Append("Cookie: ").Append(cookie).Append("\r\n");
        var bytes = Encoding.UTF8.GetBytes(body);
        if (contentType.Length > 0)
        {
            sb.Append("Content-Type: ").Append(contentType).Append("\r\n");
            sb.Append("Content-Length: ").Append(bytes.Length).Append("\r\n");
        }

        sb.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(sb.ToString()), .. bytes];
    }

    private static string HeaderSafe(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (c < ' ' || c == '\x7f')
            {
                sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}

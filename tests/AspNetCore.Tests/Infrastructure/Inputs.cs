using System.Net.Http.Headers;
using System.Text;

namespace InfiniteSecurity.AspNetCore.Tests.Infrastructure;

/// <summary>Short hand-written inputs and requests the tests send.</summary>
internal static class Inputs
{
    public const string SqlInjection = "x' OR '1'='1";
    public const string Xss = "<script>alert(document.cookie)</script>";

    public static string Query(string value) => Uri.EscapeDataString(value);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A request as a browser sends it: navigation headers, a few cookies, a referrer.</summary>
    public static HttpRequestMessage BrowserLike(HttpMethod method, string target, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, target) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/plain, */*");
        request.Headers.TryAddWithoutValidation("Accept-Language", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
        request.Headers.TryAddWithoutValidation("Referer", "http://127.0.0.1/products/42?colour=blue&from=/catalogue/shoes");
        request.Headers.TryAddWithoutValidation("Origin", "http://127.0.0.1");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "cors");
        request.Headers.TryAddWithoutValidation("Sec-Ch-Ua", "\"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"");
        request.Headers.TryAddWithoutValidation("Cookie", "session=8f14e45fceea167a5a36dedd4bea2543; theme=dark; consent=analytics%3Dfalse%26ads%3Dfalse; cart=42%2C17");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl");
        return request;
    }
}

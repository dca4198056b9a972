using System.Security.Cryptography;
using System.Text;
using InfiniteSecurity.Detection.Requests;
using Microsoft.AspNetCore.Http;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// What a log line may say about a detected value: its SHA-256 and length, never the value. Query, header, cookie
/// and path values are looked up in the request (the same payload then hashes the same in every log line); for a
/// location inside a body the finding's evidence (the matched text) is what gets hashed.
/// </summary>
internal readonly record struct DetectedValue(string Sha256, int Length, string Hashed)
{
    public static DetectedValue Of(HttpRequest request, LocatedFinding located)
    {
        var value = Lookup(request, located.Location);
        return value is null ? Hash(located.Finding.Evidence, "evidence") : Hash(value, "value");
    }

    private static string? Lookup(HttpRequest request, string location)
    {
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? location : location[..colon];
        var name = colon < 0 ? string.Empty : location[(colon + 1)..];
        return kind switch
        {
            "path" => request.Path.Value,
            "query" when request.Query.TryGetValue(name, out var values) => values.ToString(),
            "header" when request.Headers.TryGetValue(name, out var values) => values.ToString(),
            "cookie" => request.Cookies[name],
            _ => null,
        };
    }

    private static DetectedValue Hash(string value, string hashed) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value))), value.Length, hashed);
}

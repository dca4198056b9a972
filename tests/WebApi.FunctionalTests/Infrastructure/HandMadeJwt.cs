using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>Builds JWTs byte by byte, so tests can forge exactly the flaw they mean to test.</summary>
public static class HandMadeJwt
{
    public static JsonObject PayloadOf(string token) =>
        JsonNode.Parse(Decode(token.Split('.')[1]))!.AsObject();

    public static string Sign(JsonObject header, JsonObject payload, byte[]? key)
    {
        var signingInput = Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var alg = header["alg"]!.GetValue<string>();
        var signature = alg switch
        {
            "HS256" => HMACSHA256.HashData(key!, Encoding.ASCII.GetBytes(signingInput)),
            "HS512" => HMACSHA512.HashData(key!, Encoding.ASCII.GetBytes(signingInput)),
            _ => [],
        };
        return signingInput + "." + Encode(signature);
    }

    public static JsonObject Header(string alg) => new() { ["alg"] = alg, ["typ"] = "JWT" };

    public static long UnixTime(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        s += new string('=', (4 - s.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }

    public static JsonObject Clone(JsonObject o) => JsonNode.Parse(o.ToJsonString(new JsonSerializerOptions()))!.AsObject();
}

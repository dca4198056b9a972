using System.Security.Cryptography;
using System.Text;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// What makes two detections repeats of one attack: the same source (IP and user or client), the same input
/// fingerprint and the same matched rules, detected in the same fixed window. Fixed windows (not "within N seconds
/// of the last one") are what let a unique index on the key decide the fold in the database, so concurrent
/// instances cannot both insert a row for one window.
/// </summary>
internal static class ThreatAggregationKey
{
    /// <summary>The key (64 hex characters), or null when <paramref name="window"/> is zero (aggregation off).</summary>
    public static string? For(Threat threat, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(threat);
        if (window <= TimeSpan.Zero)
        {
            return null;
        }

        var windowStart = threat.DetectedAt.Ticks - (threat.DetectedAt.Ticks % window.Ticks);
        var rules = threat.PatternsMatched.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        // Length-prefixed parts: no choice of IP or user name can make two different sources read as one.
        var text = new StringBuilder();
        foreach (var part in new[] { threat.SourceIp ?? "-", threat.UserId ?? "-", threat.InputSha256, string.Join(',', rules), windowStart.ToString(System.Globalization.CultureInfo.InvariantCulture), window.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            text.Append(part.Length).Append(':').Append(part).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

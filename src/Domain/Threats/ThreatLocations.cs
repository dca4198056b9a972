using System.Text.Json;
using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Threats;

/// <summary>
/// The stored form of a threat's locations: a JSON array (location names come from the request and may hold commas
/// or quotes, so a separator would be ambiguous), control characters replaced, cut at whole entries to a bound.
/// </summary>
public static class ThreatLocations
{
    private const int MaxLocationLength = 200;

    public static string Format(IEnumerable<string> locations, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var kept = new List<string>();
        var length = 2;
        foreach (var location in locations.Select(l => Guard.Neutralise(l, MaxLocationLength)!).Distinct(StringComparer.Ordinal))
        {
            var next = JsonSerializer.Serialize(location).Length + (kept.Count > 0 ? 1 : 0);
            if (length + next > maxLength)
            {
                break;
            }

            kept.Add(location);
            length += next;
        }

        return JsonSerializer.Serialize(kept);
    }

    /// <summary>The stored array back as a list; empty for null or anything that is not one.</summary>
    public static IReadOnlyList<string> Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(stored) ?? [];
        }
        catch (JsonException)
        {
            // Written only by Format; a hand-edited row must not break reading the threat list.
            return [];
        }
    }
}

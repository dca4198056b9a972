using System.Text.Json;

namespace InfiniteSecurity.Application.Threats.GetThreat;

/// <summary>
/// Reads the stored evidence (the JSON the analyze and inspect paths write) back as findings. Evidence that does not
/// parse — cut at the column bound, or written by an older version — yields no findings rather than an error: the
/// raw text stays in the list view.
/// </summary>
internal static class ThreatEvidence
{
    public static IReadOnlyList<ThreatFinding> Parse(string? evidence)
    {
        if (string.IsNullOrWhiteSpace(evidence))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(evidence);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new ThreatFinding(
                Text(e, "rule_id") ?? string.Empty,
                Text(e, "category") ?? string.Empty,
                e.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0,
                Text(e, "location"),
                Text(e, "view"),
                Number(e, "start"),
                Number(e, "length"),
                Text(e, "evidence") ?? string.Empty,
                Text(e, "reason"))).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
}

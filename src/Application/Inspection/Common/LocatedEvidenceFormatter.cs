using System.Text.Encodings.Web;
using System.Text.Json;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Application.Inspection.Common;

/// <summary>The stored evidence of an inspected request: the bounded matched spans with their locations, never the request.</summary>
internal static class LocatedEvidenceFormatter
{
    private const int MaxFindings = 8;
    private const int MaxLocationLength = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(IReadOnlyList<LocatedFinding> findings) =>
        JsonSerializer.Serialize(findings.Take(MaxFindings).Select(f => new
        {
            Location = f.Location.Length <= MaxLocationLength ? f.Location : f.Location[..MaxLocationLength],
            f.Finding.Category,
            f.Finding.RuleId,
            f.Finding.Confidence,
            f.Finding.View,
            f.Finding.Start,
            f.Finding.Length,
            f.Finding.Evidence,
            f.Finding.Reason,
        }), Json);
}

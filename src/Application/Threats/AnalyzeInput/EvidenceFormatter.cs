using System.Text.Encodings.Web;
using System.Text.Json;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

/// <summary>Serialises findings as the stored evidence: compact JSON of the bounded matched spans, not the input.</summary>
internal static class EvidenceFormatter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,

        // Stored text, not HTML: readable quotes; whoever renders it escapes for its own context.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Format(IReadOnlyList<Finding> findings) =>
        JsonSerializer.Serialize(findings.Take(10).Select(f => new
        {
            f.Category,
            f.RuleId,
            f.Confidence,
            f.View,
            f.Start,
            f.Length,
            f.Evidence,
            f.Reason,
        }), Json);
}

using System.Text.Json;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// Console mode: <c>classify IN.jsonl OUT.jsonl</c> writes one <c>{"id","threat","type"}</c> line per input line, the
/// same shape the ModSecurity peer's classify.py writes, so the two can be scored by one script.
/// <c>evaluate IN.jsonl</c> prints per-label detection rates and the misclassified lines (for development).
/// </summary>
internal static class CorpusClassifier
{
    public static int Classify(string input, string output)
    {
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()));
        using var writer = new StreamWriter(output);
        var line = 0;
        foreach (var text in File.ReadLines(input))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(text);
            var value = doc.RootElement.GetProperty("input").GetString() ?? string.Empty;
            var id = doc.RootElement.TryGetProperty("id", out var idElement) ? idElement.ToString() : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var analysis = analyzer.Analyze(value);
            writer.WriteLine(JsonSerializer.Serialize(new { id, threat = analysis.IsThreat, type = analysis.Category }));
        }

        return 0;
    }

    public static int Evaluate(string input, string? onlyLabel)
    {
        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()));
        var totals = new SortedDictionary<string, (int Total, int Detected, int Typed)>(StringComparer.Ordinal);
        foreach (var text in File.ReadLines(input))
        {
            using var doc = JsonDocument.Parse(text);
            var value = doc.RootElement.GetProperty("input").GetString() ?? string.Empty;
            var label = doc.RootElement.GetProperty("label").GetString() ?? "benign";
            var a = analyzer.Analyze(value);
            var (t, d, ty) = totals.GetValueOrDefault(label);
            var detected = a.IsThreat;
            totals[label] = (t + 1, d + (detected ? 1 : 0), ty + (detected && a.Category == label ? 1 : 0));
            var wrong = label == "benign" ? detected : !detected || a.Category != label;
            if (wrong && (onlyLabel is null || onlyLabel == label))
            {
                var rules = string.Join(",", a.Findings.Select(f => $"{f.RuleId}:{f.Confidence:0.00}"));
                Console.WriteLine($"{label}\t{a.Category}\t{a.Confidence:0.00}\t{rules}\t{JsonSerializer.Serialize(value.Length > 160 ? value[..160] : value)}");
            }
        }

        foreach (var (label, (t, d, ty)) in totals)
        {
            Console.Error.WriteLine($"{label,-20} {t,6} detected {100.0 * d / t,6:0.00}%  typed {(d == 0 ? 0 : 100.0 * ty / d),6:0.00}%");
        }

        return 0;
    }
}

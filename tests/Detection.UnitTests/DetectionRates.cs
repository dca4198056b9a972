using System.Globalization;
using System.Text;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>
/// Per-label and per-source detection statistics of one analyzer over labelled corpora. Besides the pooled rate it
/// gives the leave-one-source-out rate: the mean of the per-source rates, every source weighing the same. A rule that
/// only fits the biggest source lifts the pooled rate but barely moves this one, which is what an unseen source sees.
/// </summary>
public sealed class DetectionRates
{
    private readonly Dictionary<(string Label, string Source), (int Total, int Detected, int Typed)> _bySource = [];

    public static DetectionRates Measure(IThreatAnalyzer analyzer, IEnumerable<LabelledInput> corpus)
    {
        var rates = new DetectionRates();
        foreach (var item in corpus)
        {
            var analysis = analyzer.Analyze(item.Input);
            var key = (item.Label, item.Source);
            var (t, d, ty) = rates._bySource.GetValueOrDefault(key);
            rates._bySource[key] = (t + 1, d + (analysis.IsThreat ? 1 : 0), ty + (analysis.IsThreat && analysis.Category == item.Label ? 1 : 0));
        }

        return rates;
    }

    public IEnumerable<string> Labels => _bySource.Keys.Select(k => k.Label).Distinct().Order(StringComparer.Ordinal);

    public int Count(string label) => Rows(label).Sum(r => r.Total);

    public int Sources(string label) => Rows(label).Count();

    /// <summary>Share of inputs flagged as a threat, pooled over sources (for benign: the false-positive rate).</summary>
    public double DetectionRate(string label)
    {
        var rows = Rows(label).ToArray();
        var total = rows.Sum(r => r.Total);
        return total == 0 ? 0 : (double)rows.Sum(r => r.Detected) / total;
    }

    /// <summary>Mean of the per-source detection rates: the expected rate on a source the engine has not seen.</summary>
    public double LeaveOneSourceOutRate(string label)
    {
        var rows = Rows(label).ToArray();
        return rows.Length == 0 ? 0 : rows.Average(r => (double)r.Detected / r.Total);
    }

    /// <summary>Of the detected attacks, the share reported with the labelled type.</summary>
    public double TypeAccuracy(string label)
    {
        var rows = Rows(label).ToArray();
        var detected = rows.Sum(r => r.Detected);
        return detected == 0 ? 0 : (double)rows.Sum(r => r.Typed) / detected;
    }

    public double OverallTypeAccuracy()
    {
        var attacks = _bySource.Where(kv => kv.Key.Label != "benign").Select(kv => kv.Value).ToArray();
        var detected = attacks.Sum(r => r.Detected);
        return detected == 0 ? 0 : (double)attacks.Sum(r => r.Typed) / detected;
    }

    public string ToMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| label | inputs | sources | detected, pooled (FPR for benign) | detected, leave-one-source-out | correct type of detected |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var label in Labels)
        {
            var typed = label == "benign" ? "-" : TypeAccuracy(label).ToString("P2", CultureInfo.InvariantCulture);
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {Count(label)} | {Sources(label)} | {DetectionRate(label):P2} | {LeaveOneSourceOutRate(label):P2} | {typed} |"));
        }

        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| all attacks (type accuracy) | | | | | {OverallTypeAccuracy():P2} |"));
        return sb.ToString();
    }

    private IEnumerable<(int Total, int Detected, int Typed)> Rows(string label) =>
        _bySource.Where(kv => kv.Key.Label == label).Select(kv => kv.Value);
}

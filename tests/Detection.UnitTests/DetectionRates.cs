using System.Globalization;
using System.Text;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Detection.UnitTests;

/// <summary>Per-label detection statistics of one analyzer over one labelled corpus.</summary>
public sealed class DetectionRates
{
    private readonly Dictionary<string, (int Total, int Detected, int Typed)> _byLabel = new(StringComparer.Ordinal);

    public static DetectionRates Measure(IThreatAnalyzer analyzer, IEnumerable<LabelledInput> corpus)
    {
        var rates = new DetectionRates();
        foreach (var item in corpus)
        {
            var analysis = analyzer.Analyze(item.Input);
            var (t, d, ty) = rates._byLabel.GetValueOrDefault(item.Label);
            rates._byLabel[item.Label] = (t + 1, d + (analysis.IsThreat ? 1 : 0), ty + (analysis.IsThreat && analysis.Category == item.Label ? 1 : 0));
        }

        return rates;
    }

    public IEnumerable<string> Labels => _byLabel.Keys.Order(StringComparer.Ordinal);

    public int Count(string label) => _byLabel.GetValueOrDefault(label).Total;

    /// <summary>Share of inputs flagged as a threat (for benign: the false-positive rate).</summary>
    public double DetectionRate(string label)
    {
        var (t, d, _) = _byLabel.GetValueOrDefault(label);
        return t == 0 ? 0 : (double)d / t;
    }

    /// <summary>Of the detected attacks, the share reported with the labelled type.</summary>
    public double TypeAccuracy(string label)
    {
        var (_, d, ty) = _byLabel.GetValueOrDefault(label);
        return d == 0 ? 0 : (double)ty / d;
    }

    public double OverallTypeAccuracy()
    {
        var detected = 0;
        var typed = 0;
        foreach (var (label, (_, d, ty)) in _byLabel)
        {
            if (label != "benign")
            {
                detected += d;
                typed += ty;
            }
        }

        return detected == 0 ? 0 : (double)typed / detected;
    }

    public string ToMarkdownTable()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| label | inputs | detected (TPR; FPR for benign) | correct type of detected |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var label in Labels)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {Count(label)} | {DetectionRate(label):P2} | {(label == "benign" ? "-" : TypeAccuracy(label).ToString("P2", CultureInfo.InvariantCulture))} |"));
        }

        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| all attacks (type accuracy) | | | {OverallTypeAccuracy():P2} |"));
        return sb.ToString();
    }
}

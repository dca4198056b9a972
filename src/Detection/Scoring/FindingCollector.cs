using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Scoring;

/// <summary>
/// Collects findings for one analysis; keeps only the strongest finding per rule id. The confidence of a finding is
/// the rule's effective weight (catalogue base weight, or the tuned weight from <see cref="IRuleWeights"/>).
/// </summary>
internal sealed class FindingCollector
{
    private readonly List<Finding> _findings = new(4);
    private readonly IRuleWeights _weights;

    public FindingCollector(IRuleWeights? weights = null)
    {
        _weights = weights ?? CatalogueWeights.Instance;
    }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Records that a rule matched a span of a view; the detail (e.g. which function) is appended to its reason.</summary>
    public void Add(RuleDefinition rule, DecodedView view, int start, int length, string? detail = null)
    {
        var reason = detail is null ? rule.Reason : $"{rule.Reason} ({detail})";
        var category = rule.Family;
        var ruleId = rule.Id;
        var confidence = _weights.EffectiveWeight(rule);
        start = Math.Clamp(start, 0, view.Text.Length);
        length = Math.Clamp(length, 0, view.Text.Length - start);
        for (var k = 0; k < _findings.Count; k++)
        {
            if (_findings[k].RuleId == ruleId)
            {
                if (_findings[k].Confidence >= confidence)
                {
                    return;
                }

                _findings[k] = Create(category, ruleId, confidence, view, start, length, reason);
                return;
            }
        }

        _findings.Add(Create(category, ruleId, confidence, view, start, length, reason));
    }

    /// <summary>The best confidence recorded so far for a category (used to skip redundant views).</summary>
    public double Best(string category)
    {
        var best = 0.0;
        foreach (var f in _findings)
        {
            if (f.Category == category && f.Confidence > best)
            {
                best = f.Confidence;
            }
        }

        return best;
    }

    private static Finding Create(string category, string ruleId, double confidence, DecodedView view, int start, int length, string reason)
    {
        var evidence = view.Text.Substring(start, Math.Min(length, Finding.MaxEvidenceLength));
        return new Finding(category, ruleId, Math.Round(Math.Clamp(confidence, 0, 1), 3), view.Name, start, length, evidence, reason);
    }
}

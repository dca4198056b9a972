using InfiniteSecurity.Detection.Normalisation;

namespace InfiniteSecurity.Detection.Scoring;

/// <summary>Collects findings for one analysis; keeps only the strongest finding per rule id.</summary>
internal sealed class FindingCollector
{
    private readonly List<Finding> _findings = new(4);

    public IReadOnlyList<Finding> Findings => _findings;

    public void Add(string category, string ruleId, double confidence, DecodedView view, int start, int length, string reason)
    {
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

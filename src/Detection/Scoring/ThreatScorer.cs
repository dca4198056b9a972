using InfiniteSecurity.Detection.Normalisation;

namespace InfiniteSecurity.Detection.Scoring;

/// <summary>
/// Turns findings into one verdict: per-category confidence (strongest rule plus a small bonus for independent
/// corroborating rules), then the statistical layer, then the behavioural layer. The two later layers only move a
/// confidence that a detector already established; on their own they never create a threat.
/// </summary>
internal static class ThreatScorer
{
    /// <summary>Below this a category's evidence is too weak for the statistical and behavioural layers to amplify.</summary>
    public const double AmplifyFrom = 0.3;

    public static (string Category, double Confidence) Score(IReadOnlyList<Finding> findings, NormalisedInput input, BehaviourSignal behaviour)
    {
        var bestCategory = ThreatCategory.None;
        var best = 0.0;
        var profile = StatisticalProfile.Of(input.Raw);
        foreach (var category in ThreatCategory.All)
        {
            var max = 0.0;
            var rules = 0;
            foreach (var f in findings)
            {
                if (f.Category == category)
                {
                    rules++;
                    max = Math.Max(max, f.Confidence);
                }
            }

            if (rules == 0)
            {
                continue;
            }

            var c = Math.Min(0.99, max + (0.02 * Math.Min(2, rules - 1)));
            if (c >= AmplifyFrom)
            {
                c += profile.Adjustment(input.ObfuscationDepth);
                var history = behaviour.RecentThreatsFromUser + behaviour.RecentThreatsFromIp;
                if (history > 0)
                {
                    c += Math.Min(0.12, 0.03 * history);
                }
            }

            c = Math.Clamp(c, 0, 0.99);
            if (c > best)
            {
                best = c;
                bestCategory = category;
            }
        }

        return (bestCategory, Math.Round(best, 3));
    }
}

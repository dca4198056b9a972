using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection;

/// <summary>
/// One attack family's detector, called by the analyzer once per decoded view. Implementations are stateless (safe
/// to share between threads), linear in the view's length, and report catalogue rules, never confidence numbers.
/// </summary>
internal interface IViewDetector
{
    /// <summary>The family whose findings this detector reports; once it is certain, the analyzer skips further views.</summary>
    string Family { get; }

    /// <summary>Inspects one view. <paramref name="input"/> gives the other views and whole-input facts (NUL seen, depth).</summary>
    void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings);
}

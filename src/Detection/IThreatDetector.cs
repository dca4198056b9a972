using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection;

/// <summary>One attack family's detector. Implementations are stateless (safe to share between threads) and linear.</summary>
internal interface IThreatDetector
{
    void Inspect(NormalisedInput input, FindingCollector findings);
}

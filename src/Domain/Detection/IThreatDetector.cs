using InfiniteSecurity.Domain.Detection.Normalisation;
using InfiniteSecurity.Domain.Detection.Scoring;

namespace InfiniteSecurity.Domain.Detection;

/// <summary>One attack family's detector. Implementations are stateless (safe to share between threads) and linear.</summary>
internal interface IThreatDetector
{
    void Inspect(NormalisedInput input, FindingCollector findings);
}

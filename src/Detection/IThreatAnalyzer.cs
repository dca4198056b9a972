namespace InfiniteSecurity.Detection;

/// <summary>Decides whether an input is an attack. Implementations are pure, thread-safe and linear-time.</summary>
public interface IThreatAnalyzer
{
    ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default);

    /// <summary>
    /// Analyses at a chosen <see cref="AnalysisDepth"/>; <see cref="AnalysisDepth.Standard"/> is the call above, and
    /// an implementation that knows no depths answers every depth that way.
    /// </summary>
    ThreatAnalysis Analyze(string input, AnalysisDepth depth, BehaviourSignal behaviour) => Analyze(input, behaviour);
}

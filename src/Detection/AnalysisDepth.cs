namespace InfiniteSecurity.Detection;

/// <summary>How much work an analysis may do.</summary>
public enum AnalysisDepth
{
    /// <summary>
    /// The default: every decoded view, but a family is not inspected further once one of its findings is
    /// settled (confidence ≥ 0.95), and plainly benign input is let through by the prefilter.
    /// </summary>
    Standard = 0,

    /// <summary>
    /// The fast path: stops at the first finding strong enough to make the input a threat. "Attack or not" is decided
    /// as in <see cref="Standard"/> for that family; the evidence may be that one finding, and confidence can be lower.
    /// </summary>
    Basic = 1,

    /// <summary>Every decoded view with every detector and every finding, no prefilter: for investigation, not for gateways.</summary>
    Deep = 2,
}

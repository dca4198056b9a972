namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// The input and its distinct decoded views, from least to most decoded. Detectors look at every view because an
/// attacker may rely on exactly one decoding step happening (or not happening) in the target application.
/// </summary>
internal sealed class NormalisedInput
{
    private DecodedView? _canonical;

    public NormalisedInput(string raw, IReadOnlyList<DecodedView> views, int obfuscationDepth, bool containedNul)
    {
        Raw = raw;
        Views = views;
        ObfuscationDepth = obfuscationDepth;
        ContainedNul = containedNul;
    }

    public string Raw { get; }

    /// <summary>Distinct views, the first is always the raw input.</summary>
    public IReadOnlyList<DecodedView> Views { get; }

    /// <summary>The fully decoded view: the last entry of <see cref="Views"/>.</summary>
    public DecodedView Decoded => Views[^1];

    /// <summary>Lower-cased, SQL comments removed, whitespace variants collapsed to one space, NUL removed.</summary>
    /// <remarks>Built on first use: only some detectors need it. An instance belongs to one analysis (one thread).</remarks>
    public DecodedView Canonical => _canonical ??= new DecodedView("canonical", Canonicaliser.Canonicalise(Decoded.Text));

    /// <summary>How many decoding rounds changed the text; deep nesting is rare in honest input.</summary>
    public int ObfuscationDepth { get; }

    /// <summary>True when a NUL byte appeared in any decoded view (used for truncation attacks).</summary>
    public bool ContainedNul { get; }
}

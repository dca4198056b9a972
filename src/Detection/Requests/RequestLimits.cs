namespace InfiniteSecurity.Detection.Requests;

/// <summary>Bounds on the work one request may cost. Past a bound the inspector records a problem and stops; it
/// never throws for it.</summary>
/// <param name="MaxBodyBytes">Largest body inspected; a larger body is not analysed (a problem says so).</param>
/// <param name="MaxValues">Most located values extracted from one request (and most header lines parsed).</param>
/// <param name="MaxDepth">Deepest JSON/XML nesting walked; deeper documents are analysed as text.</param>
/// <param name="MaxTotalChars">Most characters handed to the engine for one request, all values together.</param>
public sealed record RequestLimits(int MaxBodyBytes = 1_048_576, int MaxValues = 2_000, int MaxDepth = 32, int MaxTotalChars = 2_000_000)
{
    /// <summary>The limits used when none are given.</summary>
    public static RequestLimits Default { get; } = new();
}

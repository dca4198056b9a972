namespace InfiniteSecurity.Detection.Scoring;

/// <summary>
/// Cheap statistics of the raw input: share of syntax characters, Shannon entropy of the character distribution and
/// the share of letters in word-like runs. Payloads are dense in syntax; prose is dense in letters. The profile
/// nudges a detector's confidence by a few hundredths and never flags input by itself.
/// </summary>
internal readonly record struct StatisticalProfile(double SpecialDensity, double Entropy, bool LooksLikeProse)
{
    private static readonly double[] CountLog = Enumerable.Range(0, 256).Select(c => c < 2 ? 0.0 : c * Math.Log2(c)).ToArray();

    public static StatisticalProfile Of(string s)
    {
        if (s.Length == 0)
        {
            return default;
        }

        var special = 0;
        var letters = 0;
        var spaces = 0;
        Span<int> histogram = stackalloc int[128];
        var other = 0;
        foreach (var c in s)
        {
            if (c < 128)
            {
                histogram[c]++;
            }
            else
            {
                other++;
            }

            if (char.IsAsciiLetter(c) || (c >= 128 && char.IsLetter(c)))
            {
                letters++;
            }
            else if (c == ' ')
            {
                spaces++;
            }
            else if (!char.IsDigit(c) && c is not '.' and not ',')
            {
                special++;
            }
        }

        // H = log2(n) - (1/n) * sum(c * log2 c); c*log2(c) comes from a table for the small counts of short inputs.
        double n = s.Length;
        var sum = 0.0;
        foreach (var count in histogram)
        {
            if (count > 1)
            {
                sum += count < CountLog.Length ? CountLog[count] : count * Math.Log2(count);
            }
        }

        if (other > 1)
        {
            sum += other * Math.Log2(other);
        }

        var entropy = Math.Log2(n) - (sum / n);

        var density = special / n;
        var prose = s.Length >= 30 && spaces >= 4 && letters / n > 0.7 && density < 0.05;
        return new StatisticalProfile(density, entropy, prose);
    }

    /// <summary>Confidence adjustment in [-0.08, +0.09].</summary>
    public double Adjustment(int obfuscationDepth)
    {
        var a = 0.0;
        if (obfuscationDepth >= 2)
        {
            a += 0.03 * Math.Min(3, obfuscationDepth - 1);
        }

        if (SpecialDensity >= 0.25)
        {
            a += 0.02;
        }

        // Encoded or packed payloads spread over many symbols; prose sits around 4 bits per character.
        if (Entropy >= 5.0)
        {
            a += 0.01;
        }

        if (LooksLikeProse)
        {
            a -= 0.08;
        }

        return a;
    }
}

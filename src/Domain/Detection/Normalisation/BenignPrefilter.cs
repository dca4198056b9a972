using System.Buffers;

namespace InfiniteSecurity.Domain.Detection.Normalisation;

/// <summary>
/// The fast path. Every attack family needs at least one character outside letters, digits, space and light
/// punctuation (a quote, bracket, operator, slash, percent, backslash, ...), except a bare shell command line such as
/// <c>which nc</c>, which must start with a command word. Input that has neither is answered after one vectorised scan.
/// </summary>
internal static class BenignPrefilter
{
    private static readonly SearchValues<char> Safe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,_-?");

    public static bool IsPlainlyBenign(string input)
    {
        var span = input.AsSpan();
        if (span.IndexOfAnyExcept(Safe) >= 0)
        {
            return false;
        }

        return !Shell.ShellVocabulary.StartsWithCommand(span);
    }
}

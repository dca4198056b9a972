using System.Buffers;

namespace InfiniteSecurity.Detection.Normalisation;

/// <summary>
/// The fast path. Every attack family needs at least one character outside letters, digits, space and light
/// punctuation (a quote, bracket, operator, slash, percent, backslash, ...), except a bare shell command line such as
/// <c>which nc</c>, which must start with a command word. Input that has neither is answered after one vectorised scan.
/// </summary>
internal static class BenignPrefilter
{
    private static readonly SearchValues<char> Safe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,_?");

    // Attacks that need no syntax character: SQL keywords written out, and hex-literal encodings (0x2e0x2e).
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["union", "select", "insert", "delete", "drop ", "exec", "declare", "waitfor", "sleep", "benchmark", "xp_", "0x", "jndi", "shutdown", "between", "utl_", "dbms_"],
        StringComparison.OrdinalIgnoreCase);

    // A numeric value continued by SQL (1 OR 1, 1 ORDER BY 3, 5 HAVING 1, 1 RLIKE 1, 1 IS NULL, 1 LIMIT 1,1). Only
    // values that start with a digit are scanned for these, so prose keeps the one short keyword scan above (a
    // longer list makes SearchValues fall back to a several times slower matcher).
    private static readonly SearchValues<string> NumericContinuations = SearchValues.Create(
        [" or ", " and ", " xor ", " div ", " mod ", " like ", " rlike ", " regexp ", " glob ", " sounds ", " in ", " is ", " order ", " group ", " having ", " limit ", " procedure ", " into "],
        StringComparison.OrdinalIgnoreCase);

    public static bool ContainsKeyword(ReadOnlySpan<char> s) =>
        s.IndexOfAny(Keywords) >= 0 || (s.Length > 2 && char.IsAsciiDigit(s[0]) && s.IndexOfAny(NumericContinuations) >= 0);

    public static bool IsPlainlyBenign(string input)
    {
        var span = input.AsSpan();
        if (span.IndexOfAnyExcept(Safe) >= 0)
        {
            return false;
        }

        return !ContainsKeyword(span) && !Shell.ShellVocabulary.StartsWithCommand(span);
    }
}

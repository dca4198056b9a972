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

    // Attacks that need no syntax character: SQL keywords written out, and hex-literal encodings (0x2e0x2e); SQL
    // clauses that continue a numeric value (1 ORDER BY 3, 5 HAVING 1, 1 RLIKE 1, 2 OR TRUE, 1 IS NOT NULL).
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["union", "select", "insert", "delete", "drop ", "exec", "declare", "waitfor", "sleep", "benchmark", "xp_", "0x", "jndi", "shutdown", "between", "utl_", "dbms_",
         "order by", "group by", "having", "rlike", "regexp", "procedure", "outfile", "dumpfile", " limit ", "is null", "is not null", "or true", "and true", "or false", "and false"],
        StringComparison.OrdinalIgnoreCase);

    // A number continued by a boolean operator or LIKE (1 OR 1, 3 LIKE 3): checked only for values that start with a digit.
    private static readonly SearchValues<string> NumericLogic = SearchValues.Create([" or ", " and ", " xor ", " div ", " mod ", " like "], StringComparison.OrdinalIgnoreCase);

    public static bool ContainsKeyword(ReadOnlySpan<char> s) =>
        s.IndexOfAny(Keywords) >= 0 || (s.Length > 0 && char.IsAsciiDigit(s[0]) && s.IndexOfAny(NumericLogic) >= 0);

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

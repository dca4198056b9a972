using InfiniteSecurity.Detection.Rules;
using static InfiniteSecurity.Detection.Sql.SqlGrammar;

namespace InfiniteSecurity.Detection.Sql;

/// <summary>
/// AND / OR / XOR / || / &amp;&amp; followed by a condition: what the condition is made of (a comparison, a
/// subquery, a function call, a bare truthy literal) and where the operator stands decide the rule.
/// </summary>
internal static class SqlBooleanShapes
{
    /// <summary>What follows a boolean operator, up to the next operator, ';' or comment.</summary>
    private struct Condition
    {
        public bool Comparison;
        public bool Subselect;
        public bool Function;
        public bool SelfEqual;
        public bool TruthyAlone;
        public int LiteralOperands;
        public int End;

        public readonly bool Shaped => Comparison || Subselect || Function;
    }

    public static void Check(in SqlScan c, int i)
    {
        if (IsQueryStringSeparator(c.S, c.T, i) || !TryReadCondition(c, i, out var cond))
        {
            return;
        }

        var rule = Choose(c, i, cond);
        if (rule is null)
        {
            return;
        }

        var last = c.T[Math.Max(i, cond.End - 1)];
        c.Add(rule, c.T[i].Start, End(last) - c.T[i].Start);
    }

    // a=5&&b=1: an empty parameter between two key=value pairs of a URL, glued to both.
    private static bool IsQueryStringSeparator(ReadOnlySpan<char> s, List<SqlToken> t, int i)
    {
        var k = t[i];
        return Is(s, k, "&&") && k.Start > 0 && i + 2 < t.Count && Scanning.IsIdentChar(s[k.Start - 1]) && t[i + 1].Kind == SqlTokenKind.Word
            && t[i + 1].Start == End(k) && Is(s, t[i + 2], "=") && t[i + 2].Start == End(t[i + 1]);
    }

    private static RuleDefinition? Choose(in SqlScan c, int i, in Condition cond)
    {
        var t = c.T;
        var n = c.N;
        var leading = i == c.First;
        var leftIsValue = i > 0 && t[i - 1].Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.RightParen or SqlTokenKind.Variable;
        var parenBreak = c.Strong && !c.Broke;
        if (c.Broke && leading && (cond.Shaped || cond.TruthyAlone))
        {
            return c.Strong ? SqlRules.BooleanInjection : SqlRules.BooleanAfterApostrophe;
        }

        if ((c.Broke || parenBreak) && cond.Shaped && (leftIsValue || leading))
        {
            return SqlRules.BooleanContinuation;
        }

        if (cond.Shaped && leftIsValue && (cond.LiteralOperands >= 2 || cond.Subselect || cond.Function))
        {
            return cond.Subselect || cond.Function ? SqlRules.BooleanInference : SqlRules.BooleanLiteralCondition;
        }

        if (leading && i == 0 && cond.Comparison && (cond.LiteralOperands >= 2 || cond.Function || cond.Subselect))
        {
            return SqlRules.BooleanLeading;
        }

        if (leading && i == 0 && (((cond.TruthyAlone || cond.Function) && cond.End < n) || cond.Subselect))
        {
            return SqlRules.BooleanLeadingWeak;
        }

        if (c.Broke && c.Strong && leading && cond.End == i + 2 && t[i + 1].Kind == SqlTokenKind.String && i + 2 == n)
        {
            // admin' or ' — the application's closing quote completes the appended condition.
            return SqlRules.BooleanOpenString;
        }

        var afterNumber = c.Broke ? -1 : AfterLeadingNumber(c.S, t);
        if (i == afterNumber && cond.Comparison && (cond.End == n || t[cond.End].Kind is SqlTokenKind.Comment or SqlTokenKind.Logic))
        {
            // 1 AND a NOT BETWEEN 0 AND b, 7 OR GREATEST(a,b)=a: the value is a number and SQL grammar continues it.
            return SqlRules.NumericCondition;
        }

        if (i == afterNumber && cond.End >= i + 2 && IsBareTruth(c.S, t[i - 1], t[i + 1], TruncatedOrClause(c.S, t, i + 2)))
        {
            // 2 OR TRUE, 3 AND 3, 1 OR 1--: a numeric value and a condition that is a truth value on its own.
            return SqlRules.NumericTruth;
        }

        return cond.SelfEqual ? SqlRules.SelfComparison : null;
    }

    // true / false / null, the same number again, or any number when a comment or clause follows ("1 or 2" is prose).
    private static bool IsBareTruth(ReadOnlySpan<char> s, SqlToken left, SqlToken right, bool? continued) =>
        continued is not null && (Is(s, right, "true") || Is(s, right, "false") || Is(s, right, "null")
            || (right.Kind == SqlTokenKind.Number && (continued == true || SameLiteral(s, left, right) || (IsBit(s, left) && IsBit(s, right)))));

    // 0 and 1 are MySQL's FALSE and TRUE: 1 AND 0 / 1 OR 0 is the false half of a boolean probe pair.
    private static bool IsBit(ReadOnlySpan<char> s, SqlToken k) => Is(s, k, "0") || Is(s, k, "1");

    // null: prose continues after the truth value; false: the value ends; true: a comment or a SQL clause follows.
    private static bool? TruncatedOrClause(ReadOnlySpan<char> s, List<SqlToken> t, int k)
    {
        if (k >= t.Count)
        {
            return false;
        }

        var w = t[k];
        return w.Kind == SqlTokenKind.Comment || (w.Kind == SqlTokenKind.Word && k + 1 < t.Count
            && (Is(s, w, "limit") || Is(s, w, "order") || Is(s, w, "group") || Is(s, w, "having") || Is(s, w, "into") || Is(s, w, "procedure") || Is(s, w, "union")))
            ? true : null;
    }

    // False when the tokens after the operator read as prose (markup, two plain words before any comparison).
    private static bool TryReadCondition(in SqlScan c, int i, out Condition cond)
    {
        var s = c.S;
        var (t, n) = (c.T, c.N);
        cond = default;
        var plainBefore = false;
        var j = i + 1;
        for (; j < n && j - i <= 14; j++)
        {
            var k = t[j];
            if (k.Kind is SqlTokenKind.Logic or SqlTokenKind.Semicolon or SqlTokenKind.Comment)
            {
                break;
            }

            // Markup (<paramref ...>) or two ordinary words before the comparison: a sentence, not a condition.
            if (k.Kind == SqlTokenKind.Operator && s[k.Start] == '<' && k.Length == 1 && k.Start + 1 < s.Length && char.IsAsciiLetter(s[k.Start + 1]))
            {
                return false;
            }

            // Two plain words in a row ("the price") are prose; SQL puts an operator, comma or paren between operands.
            var plain = k.Kind == SqlTokenKind.Word && !SqlVocabulary.CanFollowBreakout(Text(s, k)) && !(j + 1 < n && t[j + 1].Kind == SqlTokenKind.LeftParen);
            if (!cond.Comparison && plain && plainBefore)
            {
                return false;
            }

            plainBefore = plain;

            ReadConditionToken(s, t, j, ref cond);
        }

        cond.End = j < n ? j : n;
        FindSelfComparison(s, t, i, ref cond);
        cond.TruthyAlone = IsTruthyAlone(s, t, i, cond.End);
        return true;
    }

    private static void ReadConditionToken(ReadOnlySpan<char> s, List<SqlToken> t, int j, ref Condition cond)
    {
        var k = t[j];
        if (k.Kind is SqlTokenKind.Number or SqlTokenKind.String or SqlTokenKind.Variable)
        {
            cond.LiteralOperands++;
        }

        if (k.Kind == SqlTokenKind.Operator && IsComparison(s, k))
        {
            // A comparison needs an operand on both sides inside the appended condition: "1=1", not ">2.4 && <3.6".
            cond.Comparison |= j > 0 && t[j - 1].Kind != SqlTokenKind.Logic && IsOperand(t[j - 1]) && j + 1 < t.Count && (IsOperand(t[j + 1]) || t[j + 1].Kind == SqlTokenKind.LeftParen);
        }
        else if (k.Kind == SqlTokenKind.Word)
        {
            var w = Text(s, k);
            if (SqlVocabulary.IsComparisonWord(w))
            {
                cond.Comparison |= ComparisonWordShape(s, t, j);
            }
            else if (w.Equals("select", StringComparison.OrdinalIgnoreCase) || w.Equals("exists", StringComparison.OrdinalIgnoreCase))
            {
                cond.Subselect = true;
            }
            else if (j + 1 < t.Count && t[j + 1].Kind == SqlTokenKind.LeftParen && SqlVocabulary.IsFunction(w))
            {
                cond.Function = true;
            }
        }
    }

    /// <summary>Whether a comparison (operator or LIKE/IN/BETWEEN/IS form) follows within a few tokens of <paramref name="from"/>.</summary>
    public static bool HasComparison(ReadOnlySpan<char> s, List<SqlToken> t, int from)
    {
        var cond = default(Condition);
        for (var j = from; j < t.Count && j < from + 6; j++)
        {
            ReadConditionToken(s, t, j, ref cond);
        }

        return cond.Comparison;
    }

    private static void FindSelfComparison(ReadOnlySpan<char> s, List<SqlToken> t, int i, ref Condition cond)
    {
        for (var k = i + 2; k + 1 < cond.End; k++)
        {
            if (IsComparison(s, t[k]) && Text(s, t[k]) is "=" or "==" or "<=>" && SameOperand(s, t[k - 1], t[k + 1]))
            {
                cond.Comparison = true;
                cond.SelfEqual = true;
                cond.LiteralOperands = Math.Max(cond.LiteralOperands, 2);
            }
        }
    }

    // or 1, or 'x', or true — a lone truthy literal that ends the input or meets a comment.
    private static bool IsTruthyAlone(ReadOnlySpan<char> s, List<SqlToken> t, int i, int end)
    {
        if (end <= i + 1 || !(end == t.Count || t[end].Kind == SqlTokenKind.Comment))
        {
            return false;
        }

        if (end != i + 2)
        {
            // or ''-', or 1*1: an expression of literals only.
            return IsLiteralExpression(s, t, i + 1, end);
        }

        var k = t[i + 1];
        if (k.Kind == SqlTokenKind.Number || Is(s, k, "true"))
        {
            return true;
        }

        var text = Text(s, k);
        return k.Kind == SqlTokenKind.String && k.Closed && text.Trim("'\"").Length is > 0 and <= 12 && text.IndexOfAny(" <>") < 0;
    }
}

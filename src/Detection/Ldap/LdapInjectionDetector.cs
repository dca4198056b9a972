using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Ldap;

/// <summary>
/// LDAP filter injection (RFC 4515 syntax). The attacker closes the application's filter component with ')' and
/// opens a new one — <c>*)(uid=*))(|(uid=*</c> — or submits a bare wildcard filter. The scanner looks for a close
/// paren followed by an open paren that starts a filter item (attribute=value or an &amp; | ! operator), and for
/// filter components made only of wildcards. Version constraints such as <c>(&gt;= 1.2), libc (</c> do not form
/// filter items because ">=" is not preceded by an attribute name.
/// </summary>
internal sealed class LdapInjectionDetector : IViewDetector
{
    public string Family => ThreatCategory.LdapInjection;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings) =>
        InspectView(view, findings, input.ContainedNul);

    private static void InspectView(DecodedView view, FindingCollector f, bool nul)
    {
        var s = view.Text.AsSpan();

        // *)) followed by NUL: close every open filter and cut off the rest of the application's filter.
        var closeAll = s.IndexOf("*))", StringComparison.Ordinal);
        if (closeAll >= 0 && nul)
        {
            f.Add(LdapRules.NulTruncation, view, closeAll, 3);
        }

        if (!CheckWholeFilter(view, s, f) && s.IndexOf(')') >= 0 && !CheckBreakout(view, s, f))
        {
            CheckWildcardComponents(view, s, f);
        }
    }

    // ')' closes the application's component and '(' opens a new filter item or boolean operator.
    private static bool CheckBreakout(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        for (var i = s.IndexOf(')'); i < s.Length; i++)
        {
            if (s[i] != ')')
            {
                continue;
            }

            var k = i + 1;
            while (k < s.Length && s[k] == ' ')
            {
                k++;
            }

            if (k >= s.Length || s[k] != '(')
            {
                continue;
            }

            var item = k + 1;
            var isOperator = item < s.Length && s[item] is '|' or '&' or '!';
            var isAssertion = IsFilterItem(s, isOperator ? item + 1 : item);
            var wildcardBefore = i > 0 && s[i - 1] == '*';
            var from = Math.Max(0, i - 1);
            if (isOperator && (isAssertion || item + 1 >= s.Length || s[item + 1] is '(' or ')'))
            {
                f.Add(LdapRules.BooleanBreakout, view, from, Math.Min(s.Length, item + 16) - from);
                return true;
            }

            if (isAssertion)
            {
                f.Add(wildcardBefore ? LdapRules.WildcardBreakout : LdapRules.AssertionBreakout, view, from, Math.Min(s.Length, item + 16) - from);
                return true;
            }
        }

        return false;
    }

    // (*)  *)(  (|(  — wildcard-only or operator-nesting components.
    private static void CheckWildcardComponents(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var star = s.IndexOf("*)", StringComparison.Ordinal);
        if (star >= 0 && (s.IndexOf("(*", StringComparison.Ordinal) >= 0 || s.IndexOf(")(", StringComparison.Ordinal) >= 0))
        {
            f.Add(LdapRules.WildcardFilter, view, star, Math.Min(8, s.Length - star));
        }
        else if (s.IndexOf("(|(", StringComparison.Ordinal) >= 0 || s.IndexOf("(&(", StringComparison.Ordinal) >= 0)
        {
            var at = Math.Max(s.IndexOf("(|(", StringComparison.Ordinal), s.IndexOf("(&(", StringComparison.Ordinal));
            f.Add(LdapRules.FilterOperator, view, at, 3);
        }
    }

    // (&(objectClass=*)(uid=x)), (cn=*), (|): the whole value is a filter with an operator or a wildcard, so the
    // application pastes a filter it did not write; admin*) — a wildcard that closes the application's component.
    private static bool CheckWholeFilter(DecodedView view, ReadOnlySpan<char> s, FindingCollector f)
    {
        var t = s.Trim();
        if (t.Length is < 3 or > 512)
        {
            return false;
        }

        if (t[0] == '(')
        {
            var i = 0;
            var shape = default(FilterShape);
            if (ParseFilter(t, ref i, 0, ref shape) && i == t.Length && (shape.Operator || shape.Wildcard))
            {
                f.Add(LdapRules.CompleteFilter, view, s.IndexOf('('), t.Length);
                return true;
            }

            return false;
        }

        var star = t.IndexOf("*)", StringComparison.Ordinal);
        if (star > 0 && t.Length <= 40 && t[(star + 1)..].IndexOfAnyExcept(')') < 0 && t[..star].IndexOfAnyExcept(IdentChars) < 0)
        {
            f.Add(LdapRules.WildcardClose, view, s.IndexOf(t[0]) + star, t.Length - star);
            return true;
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> IdentChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@");

    private struct FilterShape
    {
        public bool Operator;
        public bool Wildcard;
    }

    // RFC 4515 filter = "(" ( ("&" / "|") *filter / "!" filter / attr op value ) ")"; empty lists are RFC 4526's
    // absolute true and false. Each character is consumed once; depth is bounded.
    private static bool ParseFilter(ReadOnlySpan<char> s, ref int i, int depth, ref FilterShape shape)
    {
        if (depth > 16 || i >= s.Length || s[i] != '(')
        {
            return false;
        }

        i++;
        if (i < s.Length && s[i] is '&' or '|' or '!')
        {
            shape.Operator = true;
            var not = s[i] == '!';
            i++;
            var count = 0;
            while (i < s.Length && s[i] == '(')
            {
                if (!ParseFilter(s, ref i, depth + 1, ref shape))
                {
                    return false;
                }

                count++;
            }

            var ok = i < s.Length && s[i] == ')' && (!not || count == 1);
            i++;
            return ok;
        }

        var start = i;
        if (!IsFilterItem(s, i))
        {
            return false;
        }

        while (i < s.Length && s[i] is not '(' and not ')')
        {
            shape.Wildcard |= s[i] == '*';
            i++;
        }

        var closed = i < s.Length && s[i] == ')' && i > start;
        i++;
        return closed;
    }

    // attr=value, attr~=, attr>=, attr<=, attr=* with attr a descriptor or OID.
    private static bool IsFilterItem(ReadOnlySpan<char> s, int i)
    {
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '-' or '.' or ';' or '_'))
        {
            i++;
        }

        if (i == start || i >= s.Length || !char.IsAsciiLetter(s[start]))
        {
            return false;
        }

        return s[i] == '=' || (i + 1 < s.Length && s[i] is '~' or '>' or '<' or ':' && s[i + 1] == '=');
    }
}

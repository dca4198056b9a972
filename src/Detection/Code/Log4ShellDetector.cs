using System.Text;
using InfiniteSecurity.Detection.Normalisation;
using InfiniteSecurity.Detection.Scoring;

namespace InfiniteSecurity.Detection.Code;

/// <summary>
/// Log4Shell (CVE-2021-44228) and relatives. Log4j resolves <c>${prefix:arg}</c> lookups recursively, so payloads
/// hide <c>jndi</c> behind nested lookups: <c>${${lower:j}${::-n}di:ldap://...}</c>, <c>${env:X:-j}</c>. This
/// detector evaluates lookups the same way — innermost first, with <c>lower</c>, <c>upper</c>, default values
/// (<c>:-</c>) and unknown lookups collapsing to their default — in one bounded pass, then checks the result.
/// </summary>
internal sealed class Log4ShellDetector : IThreatDetector
{
    private const string Cat = ThreatCategory.Log4Shell;
    private const int MaxDepth = 32;

    public void Inspect(NormalisedInput input, FindingCollector findings)
    {
        foreach (var view in input.Views)
        {
            var s = view.Text;
            var at = s.IndexOf("${", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var resolved = Resolve(s, out var maxDepth);
            var jndi = resolved.IndexOf("jndi:", StringComparison.OrdinalIgnoreCase);
            if (jndi >= 0)
            {
                findings.Add(Cat, maxDepth > 1 ? "log4shell.obfuscated_jndi" : "log4shell.jndi_lookup", 0.97, view, at, Math.Min(s.Length - at, 120), maxDepth > 1 ? "nested lookups resolve to a JNDI lookup" : "JNDI lookup in a Log4j-style expression");
                return;
            }

            var lower = resolved.ToLowerInvariant();
            foreach (var leak in (ReadOnlySpan<string>)["${env:", "${sys:", "${java:", "${main:", "${bundle:", "${ctx:", "${k8s:", "${docker:", "${spring:", "${web:", "${log4j:"])
            {
                if (s.Contains(leak, StringComparison.OrdinalIgnoreCase))
                {
                    var network = lower.Contains("ldap:", StringComparison.Ordinal) || lower.Contains("dns:", StringComparison.Ordinal) || lower.Contains("rmi:", StringComparison.Ordinal) || lower.Contains("://", StringComparison.Ordinal);
                    findings.Add(Cat, "log4shell.information_lookup", network ? 0.9 : 0.55, view, at, Math.Min(s.Length - at, 80), "Log4j lookup reading environment or system properties");
                    return;
                }
            }

            if (maxDepth >= 3)
            {
                findings.Add(Cat, "log4shell.nested_lookup", 0.6, view, at, Math.Min(s.Length - at, 80), "deeply nested lookup expressions");
            }
        }
    }

    /// <summary>Single pass with an explicit stack; each character is appended a bounded number of times.</summary>
    internal static string Resolve(string s, out int maxDepth)
    {
        maxDepth = 0;
        var stack = new List<StringBuilder> { new(s.Length) };
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '{' && stack.Count <= MaxDepth)
            {
                stack.Add(new StringBuilder());
                maxDepth = Math.Max(maxDepth, stack.Count - 1);
                i++;
                continue;
            }

            if (s[i] == '}' && stack.Count > 1)
            {
                var body = stack[^1].ToString();
                stack.RemoveAt(stack.Count - 1);
                stack[^1].Append(Evaluate(body));
                continue;
            }

            stack[^1].Append(s[i]);
        }

        // Unclosed lookups: keep their text so an unterminated ${jndi:ldap://x still shows.
        for (var k = stack.Count - 1; k > 0; k--)
        {
            stack[k - 1].Append(stack[k]);
        }

        return stack[0].ToString();
    }

    private static string Evaluate(string body)
    {
        var dflt = body.IndexOf(":-", StringComparison.Ordinal);
        if (dflt >= 0)
        {
            return body[(dflt + 2)..];
        }

        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = body[..colon];
            var arg = body[(colon + 1)..];
            if (prefix.Equals("lower", StringComparison.OrdinalIgnoreCase))
            {
                return arg.ToLowerInvariant();
            }

            if (prefix.Equals("upper", StringComparison.OrdinalIgnoreCase))
            {
                return arg.ToUpperInvariant();
            }

            if (prefix.Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                return arg.Trim('\'');
            }

            return body; // jndi:..., env:NAME stay visible
        }

        return body;
    }
}

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
internal sealed class Log4ShellDetector : IViewDetector
{
    private const int MaxDepth = 32;

    private static readonly string[] InformationLookups =
        ["${env:", "${sys:", "${java:", "${main:", "${bundle:", "${ctx:", "${k8s:", "${docker:", "${spring:", "${web:", "${log4j:", "${jvmrunargs:", "${hostname"];

    public string Family => ThreatCategory.Log4Shell;

    public void Inspect(DecodedView view, NormalisedInput input, FindingCollector findings)
    {
        var s = view.Text;
        var at = s.IndexOf("${", StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var resolved = Resolve(s, out var maxDepth);
        if (resolved.Contains("jndi:", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(maxDepth > 1 ? Log4ShellRules.ObfuscatedJndi : Log4ShellRules.JndiLookup, view, at, Math.Min(s.Length - at, 120));
            return;
        }

        if (HasInformationLookup(s))
        {
            var network = resolved.Contains("ldap:", StringComparison.OrdinalIgnoreCase) || resolved.Contains("dns:", StringComparison.OrdinalIgnoreCase)
                || resolved.Contains("rmi:", StringComparison.OrdinalIgnoreCase) || resolved.Contains("://", StringComparison.Ordinal);
            findings.Add(network ? Log4ShellRules.LookupExfiltration : Log4ShellRules.InformationLookup, view, at, Math.Min(s.Length - at, 80));
            return;
        }

        if (maxDepth >= 3)
        {
            findings.Add(Log4ShellRules.NestedLookup, view, at, Math.Min(s.Length - at, 80));
        }
    }

    private static bool HasInformationLookup(string s)
    {
        foreach (var lookup in InformationLookups)
        {
            if (s.Contains(lookup, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

    // Log4j 2's ${base64:...} lookup hides the rest of the expression (or a nested ${jndi:...}) in base64.
    private static string? DecodeBase64(string arg)
    {
        Span<byte> bytes = stackalloc byte[256];
        if (arg.Length > 340 || !Convert.TryFromBase64String(arg.Trim(), bytes, out var written))
        {
            return null;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes[..written]);
        return text.Contains("${", StringComparison.Ordinal) ? Resolve(text, out _) : text;
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

            if (prefix.Equals("base64", StringComparison.OrdinalIgnoreCase))
            {
                return DecodeBase64(arg) ?? body;
            }

            return body; // jndi:..., env:NAME stay visible
        }

        return body;
    }
}

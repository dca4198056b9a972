using System.Globalization;
using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Benchmarks;

/// <summary>Console mode <c>rules</c>: the rule catalogue as a markdown table (docs/rules.md is its output).</summary>
internal static class RuleCatalogueTable
{
    public static int Print()
    {
        var rules = RuleCatalogue.Default.Rules;
        Console.WriteLine($"{rules.Count} rules in {rules.Select(r => r.Family).Distinct().Count()} families.");
        Console.WriteLine();
        Console.WriteLine("| id | family | base | floor | ceiling | CWE | CAPEC | reason |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---|---|");
        foreach (var r in rules)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{r.Id}` | {r.Family} | {r.BaseWeight:0.00} | {r.Floor:0.00} | {r.Ceiling:0.00} | CWE-{r.Cwe} | {(r.Capec > 0 ? $"CAPEC-{r.Capec}" : "-")} | {r.Reason.Replace("|", "\\|", StringComparison.Ordinal)} |"));
        }

        return 0;
    }
}

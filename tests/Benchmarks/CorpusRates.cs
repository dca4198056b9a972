using System.Globalization;
using System.Text.Json;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// Console mode <c>rates FILE.jsonl... [--http dev-http.jsonl] [--misses LABEL] [--source TEXT]</c>: detection rates
/// of the engine alone on labelled corpora, per family and per source, as an outsider would read them.
/// <list type="bullet">
/// <item>TPR per family pooled over every input (micro) and leave-one-source-out: the mean of the per-source rates,
/// each source weighing the same, so a rule that only helps the biggest source shows up as a gap between the two.</item>
/// <item>FPR on benign inputs, per source.</item>
/// <item>With <c>--http</c>: every located value of every raw request (<see cref="RequestValueExtractor"/>: path,
/// query, cookies, headers, body values by content type) analysed on its own by the engine, with no context policy;
/// a request counts as flagged when any value is.</item>
/// </list>
/// </summary>
internal static class CorpusRates
{
    public static int Run(string[] args)
    {
        var files = new List<string>();
        string? http = null, misses = null, onlySource = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--http": http = args[++i]; break;
                case "--misses": misses = args[++i]; break;
                case "--source": onlySource = args[++i]; break;
                default: files.Add(args[i]); break;
            }
        }

        var analyzer = new ThreatAnalyzer(new DecisionPolicy(new DecisionPolicyOptions()));
        var bySource = new SortedDictionary<(string Label, string Source), (int N, int Hit, int Typed)>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var input = doc.RootElement.GetProperty("input").GetString() ?? string.Empty;
                var label = doc.RootElement.GetProperty("label").GetString() ?? "benign";
                var source = doc.RootElement.TryGetProperty("source", out var s) ? s.GetString() ?? "?" : "?";
                if (onlySource is not null && !source.Contains(onlySource, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var a = analyzer.Analyze(input);
                var (n, hit, typed) = bySource.GetValueOrDefault((label, source));
                bySource[(label, source)] = (n + 1, hit + (a.IsThreat ? 1 : 0), typed + (a.IsThreat && Typed(a.Category, label) ? 1 : 0));
                var wrong = label == "benign" ? a.IsThreat : !a.IsThreat;
                if (wrong && misses is not null && (misses == "all" || misses == label))
                {
                    var rules = string.Join(",", a.Findings.Select(f => $"{f.RuleId}:{f.Confidence:0.00}"));
                    Console.WriteLine($"MISS\t{label}\t{source}\t{a.Category}\t{a.Confidence:0.00}\t{rules}\t{JsonSerializer.Serialize(input.Length > 200 ? input[..200] : input)}");
                }
            }
        }

        PrintFamilies(bySource);
        PrintSources(bySource);
        if (http is not null)
        {
            HttpRates(analyzer, http, misses is not null);
        }

        return 0;
    }

    // The corpus says code_injection where other corpora say php_injection or java_injection; xxe is typed as xxe.
    private static bool Typed(string category, string label) => category == label;

    private static void PrintFamilies(SortedDictionary<(string Label, string Source), (int N, int Hit, int Typed)> bySource)
    {
        Console.WriteLine();
        Console.WriteLine("| family | inputs | sources | TPR (pooled) | TPR (leave-one-source-out) | worst source | typed |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var label in bySource.Keys.Select(k => k.Label).Distinct().Where(l => l != "benign"))
        {
            var rows = bySource.Where(kv => kv.Key.Label == label).ToArray();
            var n = rows.Sum(r => r.Value.N);
            var hit = rows.Sum(r => r.Value.Hit);
            var typed = rows.Sum(r => r.Value.Typed);
            var loso = rows.Average(r => (double)r.Value.Hit / r.Value.N);
            var worst = rows.MinBy(r => (double)r.Value.Hit / r.Value.N);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {n} | {rows.Length} | {Pct(hit, n)} | {100 * loso:0.00}% | {Pct(worst.Value.Hit, worst.Value.N)} ({worst.Key.Source}, {worst.Value.N}) | {Pct(typed, Math.Max(1, hit))} |"));
        }

        var benign = bySource.Where(kv => kv.Key.Label == "benign").ToArray();
        if (benign.Length > 0)
        {
            var n = benign.Sum(r => r.Value.N);
            var fp = benign.Sum(r => r.Value.Hit);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| benign (FPR) | {n} | {benign.Length} | {Pct(fp, n)} ({fp}) | {100 * benign.Average(r => (double)r.Value.Hit / r.Value.N):0.00}% | | |"));
        }
    }

    private static void PrintSources(SortedDictionary<(string Label, string Source), (int N, int Hit, int Typed)> bySource)
    {
        Console.WriteLine();
        Console.WriteLine("| label | source | inputs | flagged |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var ((label, source), (n, hit, _)) in bySource)
        {
            Console.WriteLine($"| {label} | {source} | {n} | {Pct(hit, n)} |");
        }
    }

    private static void HttpRates(ThreatAnalyzer analyzer, string path, bool showMisses)
    {
        int requests = 0, flagged = 0, values = 0, unparsed = 0, shortBody = 0;
        var families = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var raw = Convert.FromBase64String(doc.RootElement.GetProperty("request_b64").GetString()!);
            requests++;
            string? first = null;
            HttpRequestData request;
            try
            {
                request = HttpRequestData.Parse(raw, RequestLimits.Default);
            }
            catch (RequestFormatException e) when (e.Message.StartsWith("body is truncated", StringComparison.Ordinal))
            {
                // The corpus replaced host names inside bodies without fixing Content-Length.
                shortBody++;
                request = HttpRequestData.Parse(raw, RequestLimits.Default, allowShortBody: true);
            }
            catch (RequestFormatException e)
            {
                unparsed++;
                if (showMisses)
                {
                    Console.WriteLine($"UNPARSED\t{doc.RootElement.GetProperty("id").GetString()}\t{e.Message}");
                }

                continue;
            }

            foreach (var v in RequestValueExtractor.Extract(request).Values)
            {
                var (where, value) = (v.Location, v.Value);
                values++;
                var a = analyzer.Analyze(value);
                if (a.IsThreat && first is null)
                {
                    first = a.Category;
                    if (showMisses)
                    {
                        Console.WriteLine($"FP-HTTP\t{doc.RootElement.GetProperty("id").GetString()}\t{where}\t{a.Category}\t{string.Join(",", a.PatternsMatched)}\t{JsonSerializer.Serialize(value.Length > 160 ? value[..160] : value)}");
                    }
                }
            }

            if (first is not null)
            {
                flagged++;
                families[first] = families.GetValueOrDefault(first) + 1;
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dev-http, engine alone on every value: {requests} requests ({unparsed} not parsed, {shortBody} with a body shorter than Content-Length accepted), {values} values, {flagged} requests flagged = {Pct(flagged, requests)} ({string.Join(", ", families.Select(kv => $"{kv.Key} {kv.Value}"))})"));
    }

    private static string Pct(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}

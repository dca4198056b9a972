using System.Globalization;
using System.Text;
using System.Text.Json;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;

namespace InfiniteSecurity.Benchmarks;

/// <summary>
/// Console modes measuring request inspection against the engine alone:
/// <list type="bullet">
/// <item><c>inspect-http dev-http.jsonl [--misses]</c>: benign raw requests through <see cref="RequestInspector"/>;
/// requests flagged, by family and by location kind; with <c>--misses</c> each flagged request with location, rule
/// and value.</item>
/// <item><c>inspect-attacks DEV.jsonl DEV-MORE.jsonl [--misses]</c>: every attack input placed in turn in a query
/// parameter, a form field, a JSON string value, a cookie and the User-Agent header of an otherwise ordinary
/// browser request, encoded as that position needs; detection per position and per family, engine alone on every
/// value (before) and through inspection (after).</item>
/// </list>
/// </summary>
internal static class RequestInspectionRates
{
    private static readonly ThreatAnalyzer Analyzer = new(new DecisionPolicy(new DecisionPolicyOptions()));

    public static int InspectHttp(string[] args)
    {
        var path = args[1];
        var misses = args.Contains("--misses");
        var inspector = new RequestInspector(Analyzer);
        int requests = 0, flagged = 0, unparsed = 0, engineFlagged = 0, shortBody = 0;
        long values = 0, inspectTicks = 0;
        var families = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var silenced = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var problems = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("id").GetString();
            var raw = Convert.FromBase64String(doc.RootElement.GetProperty("request_b64").GetString()!);
            requests++;
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
                if (misses)
                {
                    Console.WriteLine($"UNPARSED\t{id}\t{e.Message}");
                }

                continue;
            }

            if (EngineAlone(request))
            {
                engineFlagged++;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var verdict = inspector.Inspect(request);
            inspectTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
            values += verdict.ValuesInspected;
            foreach (var p in verdict.Problems)
            {
                var key = ProblemKind(p);
                if (misses && p.StartsWith("malformed", StringComparison.Ordinal))
                {
                    Console.WriteLine($"PROBLEM\t{id}\t{p}");
                }

                problems[key] = problems.GetValueOrDefault(key) + 1;
            }

            foreach (var key in verdict.Excluded.Select(e => e.ExcludedBy + " " + e.Finding.Category).Distinct())
            {
                silenced[key] = silenced.GetValueOrDefault(key) + 1;
            }

            if (!verdict.Analysis.IsThreat)
            {
                continue;
            }

            flagged++;
            families[verdict.Analysis.Category] = families.GetValueOrDefault(verdict.Analysis.Category) + 1;
            var top = verdict.Findings[0];
            var kind = LocationKind(top.Location);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            if (misses)
            {
                var value = RequestValueExtractor.Extract(request).Values.FirstOrDefault(v => v.Location == top.Location)?.Value ?? string.Empty;
                Console.WriteLine($"FLAGGED\t{id}\t{top.Location}\t{verdict.Analysis.Category}\t{verdict.Analysis.Confidence:0.00}\t{string.Join(",", verdict.Findings.Where(f => f.Location == top.Location).Select(f => f.Finding.RuleId).Distinct())}\t{JsonSerializer.Serialize(value.Length > 160 ? value[..160] : value)}");
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests {requests}, not parsed {unparsed}, body shorter than Content-Length (accepted) {shortBody}, values inspected {values}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine alone on every value: {engineFlagged} flagged = {Pct(engineFlagged, requests)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"through inspection:          {flagged} flagged = {Pct(flagged, requests)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inspection time: {1000.0 * inspectTicks / System.Diagnostics.Stopwatch.Frequency / Math.Max(1, requests - unparsed):0.000} ms per request (one thread, parse excluded)"));
        Print("flagged by family", families);
        Print("flagged by location kind (winning finding)", kinds);
        Print("requests with findings silenced, by reason and family", silenced);
        Print("requests with problems, by kind", problems);
        return 0;
    }

    public static int InspectAttacks(string[] args)
    {
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var misses = args.Contains("--misses");
        var inspector = new RequestInspector(Analyzer);
        var positions = Enum.GetValues<Position>();
        var before = new Dictionary<(Position, string), (int N, int Hit)>();
        var after = new Dictionary<(Position, string), (int N, int Hit)>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var label = doc.RootElement.GetProperty("label").GetString() ?? "benign";
                if (label == "benign")
                {
                    continue;
                }

                var input = doc.RootElement.GetProperty("input").GetString() ?? string.Empty;
                foreach (var position in positions)
                {
                    var raw = AttackRequests.Build(position, label, input);
                    var request = HttpRequestData.Parse(raw, RequestLimits.Default);
                    var engine = EngineAlone(request);
                    var verdict = inspector.Inspect(request);
                    Tally(before, (position, label), engine);
                    Tally(after, (position, label), verdict.Analysis.IsThreat);
                    if (misses && !verdict.Analysis.IsThreat)
                    {
                        var why = string.Join(",", verdict.Excluded.Select(e => $"{e.Location}:{e.Finding.RuleId}:{e.ExcludedBy}").Distinct());
                        Console.WriteLine($"MISS\t{position}\t{label}\tengine={(engine ? 1 : 0)}\t{why}\t{JsonSerializer.Serialize(input.Length > 160 ? input[..160] : input)}");
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| position | attacks | engine alone on every value | through inspection |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var position in positions)
        {
            var b = Sum(before, k => k.Item1 == position);
            var a = Sum(after, k => k.Item1 == position);
            Console.WriteLine($"| {position} | {a.N} | {Pct(b.Hit, b.N)} | {Pct(a.Hit, a.N)} |");
        }

        var all = Sum(after, _ => true);
        var allBefore = Sum(before, _ => true);
        Console.WriteLine($"| all | {all.N} | {Pct(allBefore.Hit, allBefore.N)} | {Pct(all.Hit, all.N)} |");
        var applicable = Sum(after, k => AttackRequests.Applicable(k.Item1, k.Item2));
        var applicableBefore = Sum(before, k => AttackRequests.Applicable(k.Item1, k.Item2));
        Console.WriteLine($"| all where the family applies (open_redirect not in User-Agent) | {applicable.N} | {Pct(applicableBefore.Hit, applicableBefore.N)} | {Pct(applicable.Hit, applicable.N)} |");

        Console.WriteLine();
        Console.WriteLine("| family | " + string.Join(" | ", positions) + " |");
        Console.WriteLine("|---|" + string.Concat(positions.Select(_ => "---|")));
        foreach (var family in after.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal))
        {
            var cells = positions.Select(p =>
            {
                var b = before.GetValueOrDefault((p, family));
                var a = after.GetValueOrDefault((p, family));
                return $"{Pct(b.Hit, b.N)} → {Pct(a.Hit, a.N)}";
            });
            Console.WriteLine($"| {family} ({after.GetValueOrDefault((Position.Query, family)).N}) | {string.Join(" | ", cells)} |");
        }

        return 0;
    }

    // The --http meaning of CorpusRates: each extracted value analysed alone, no context policy.
    private static bool EngineAlone(HttpRequestData request)
    {
        foreach (var v in RequestValueExtractor.Extract(request).Values)
        {
            if (Analyzer.Analyze(v.Value).IsThreat)
            {
                return true;
            }
        }

        return false;
    }

    private static void Tally(Dictionary<(Position, string), (int N, int Hit)> t, (Position, string) key, bool hit)
    {
        var (n, h) = t.GetValueOrDefault(key);
        t[key] = (n + 1, h + (hit ? 1 : 0));
    }

    private static (int N, int Hit) Sum(Dictionary<(Position, string), (int N, int Hit)> t, Func<(Position, string), bool> where)
    {
        var rows = t.Where(kv => where(kv.Key)).Select(kv => kv.Value).ToArray();
        return (rows.Sum(r => r.N), rows.Sum(r => r.Hit));
    }

    private static string LocationKind(string location)
    {
        if (location.StartsWith("header:", StringComparison.Ordinal))
        {
            return location;
        }

        var end = location.IndexOfAny([':', '$', '[']);
        return end < 0 ? location : location[..end];
    }

    private static string ProblemKind(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? problem : problem[..colon];
        return new string(head.Select(c => char.IsDigit(c) ? '#' : c).ToArray());
    }

    private static void Print(string title, SortedDictionary<string, int> counts)
    {
        Console.WriteLine();
        Console.WriteLine(title + ":");
        foreach (var (k, v) in counts.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"  {v,6}  {k}");
        }
    }

    private static string Pct(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}

using BenchmarkDotNet.Running;
using InfiniteSecurity.Benchmarks;

if (args.Length >= 3 && args[0] == "classify")
{
    return CorpusClassifier.Classify(args[1], args[2]);
}

if (args.Length >= 2 && args[0] == "profile")
{
    return DetectorProfiler.Run(args[1]);
}

if (args.Length >= 1 && args[0] == "profile-inspect")
{
    return InspectionProfiler.Run();
}

if (args.Length >= 2 && args[0] == "evaluate")
{
    return CorpusClassifier.Evaluate(args[1], args.Length > 2 ? args[2] : null);
}

if (args.Length >= 2 && args[0] == "inspect-http")
{
    return RequestInspectionRates.InspectHttp(args);
}

if (args.Length >= 2 && args[0] == "inspect-attacks")
{
    return RequestInspectionRates.InspectAttacks(args);
}

if (args.Length >= 2 && args[0] == "analyze")
{
    // Debug aid: the engine's findings on one value.
    var a = new InfiniteSecurity.Detection.ThreatAnalyzer(new InfiniteSecurity.Detection.DecisionPolicy(new InfiniteSecurity.Detection.DecisionPolicyOptions())).Analyze(args[1]);
    Console.WriteLine($"{a.IsThreat} {a.Category} {a.Confidence:0.00}");
    foreach (var f in a.Findings)
    {
        Console.WriteLine($"  {f.Category} {f.RuleId} {f.Confidence:0.00} view={f.View} evidence={System.Text.Json.JsonSerializer.Serialize(f.Evidence)}");
    }

    return 0;
}

if (args.Length >= 2 && args[0] == "rates")
{
    return CorpusRates.Run(args);
}

if (args.Length >= 1 && args[0] == "rules")
{
    return RuleCatalogueTable.Print();
}

BenchmarkSwitcher.FromAssembly(typeof(ThreatAnalyzerBenchmarks).Assembly).Run(args);
return 0;

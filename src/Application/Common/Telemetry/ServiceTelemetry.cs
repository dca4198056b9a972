using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace InfiniteSecurity.Application.Common.Telemetry;

/// <summary>
/// The service's own meter and activity source, on <see cref="System.Diagnostics"/> only so that the inner layers do
/// not depend on OpenTelemetry; the WebApi subscribes to <see cref="Name"/> and exports it. Tags carry families,
/// actions, rule ids and reasons — closed sets — and never an input, a user name or an address, which would be both
/// sensitive and unbounded in cardinality.
/// </summary>
public static class ServiceTelemetry
{
    public const string Name = "InfiniteSecurity";

    private static readonly Meter Meter = new(Name);
    private static readonly ConditionalWeakTable<object, Func<long>> QueueDepths = new();
    private static readonly ConditionalWeakTable<object, Func<long>> SpoolSizes = new();

    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Every analysis (analyze, inspect, gate), threat or not.</summary>
    public static Counter<long> Analyses { get; } = Meter.CreateCounter<long>("infinitesecurity.analyses", "{analysis}", "Inputs and requests analysed.");

    public static Counter<long> Threats { get; } = Meter.CreateCounter<long>("infinitesecurity.threats", "{threat}", "Threats detected, by family and action.");

    public static Counter<long> RuleHits { get; } = Meter.CreateCounter<long>("infinitesecurity.rule_hits", "{hit}", "Rules that fired in detected threats.");

    public static Counter<long> LoginFailures { get; } = Meter.CreateCounter<long>("infinitesecurity.login.failures", "{failure}", "Failed sign-in steps.");

    public static Counter<long> Lockouts { get; } = Meter.CreateCounter<long>("infinitesecurity.lockouts", "{lockout}", "Sign-in lockouts of a name for one address.");

    public static Counter<long> RateLimited { get; } = Meter.CreateCounter<long>("infinitesecurity.rate_limited", "{request}", "Requests refused with 429.");

    public static Histogram<long> WriterBatchSize { get; } = Meter.CreateHistogram<long>("infinitesecurity.writer.batch_size", "{record}", "Records committed per group commit.");

    public static Histogram<double> WriterCommitDuration { get; } = Meter.CreateHistogram<double>("infinitesecurity.writer.commit.duration", "s", "Time a group commit took, spooling included.");

    public static Counter<long> WriterFoldedRepeats { get; } = Meter.CreateCounter<long>("infinitesecurity.writer.folded_repeats", "{record}", "Repeated detections folded into another record of the same batch before writing.");

    static ServiceTelemetry()
    {
        Meter.CreateObservableGauge("infinitesecurity.writer.queue_depth", () => Sum(QueueDepths), "{record}", "Writes waiting for the group-commit writer.");
        Meter.CreateObservableGauge("infinitesecurity.spool.size", () => Sum(SpoolSizes), "By", "Bytes held in the disk spool waiting for replay.");
    }

    /// <summary>Reports <paramref name="owner"/>'s queue depth for as long as it lives.</summary>
    public static void ObserveQueueDepth(object owner, Func<long> depth) => QueueDepths.AddOrUpdate(owner, depth);

    /// <summary>Reports <paramref name="owner"/>'s spool size for as long as it lives.</summary>
    public static void ObserveSpoolSize(object owner, Func<long> bytes) => SpoolSizes.AddOrUpdate(owner, bytes);

    /// <summary>Counts one analysis and, when it is a threat, its family, action and rules.</summary>
    public static void RecordAnalysis(string kind, Detection.ThreatAnalysis analysis, Detection.Decision decision)
    {
        var action = decision.Action.ToString();
        Analyses.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("threat", analysis.IsThreat));
        if (!analysis.IsThreat)
        {
            return;
        }

        Threats.Add(1, new KeyValuePair<string, object?>("family", analysis.Category), new KeyValuePair<string, object?>("action", action));
        foreach (var rule in analysis.PatternsMatched)
        {
            RuleHits.Add(1, new KeyValuePair<string, object?>("rule", rule));
        }
    }

    private static long Sum(ConditionalWeakTable<object, Func<long>> sources)
    {
        long total = 0;
        foreach (var (_, read) in sources)
        {
            try
            {
                total += read();
            }
            catch (IOException)
            {
                // A spool directory removed while being measured counts as empty.
            }
        }

        return total;
    }
}

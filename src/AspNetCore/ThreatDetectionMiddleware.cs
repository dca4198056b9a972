using System.Diagnostics;
using InfiniteSecurity.AspNetCore.Reporting;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.AspNetCore;

/// <summary>
/// Runs the detection engine on each request in-process: capture the request, inspect it, decide with the service's
/// decision policy, put the verdict into <see cref="IThreatDetectionFeature"/>, and in Block mode answer 403 to a
/// block decision before the endpoint runs. Created by <c>UseThreatDetection</c> with its own copy of the options.
/// </summary>
internal sealed class ThreatDetectionMiddleware
{
    /// <summary>Findings written to the log per request; the verdict in the feature has all of them.</summary>
    private const int MaxLoggedFindings = 10;

    private readonly RequestDelegate _next;
    private readonly ThreatDetectionOptions _options;
    private readonly RequestInspector _inspector;
    private readonly DecisionPolicy _policy;
    private readonly HttpRequestDataReader _reader;
    private readonly PathString[] _excludedPaths;
    private readonly DetectionExclusion[] _exclusions;
    private readonly ThreatReportQueue _reports;
    private readonly ILogger _logger;

    public ThreatDetectionMiddleware(
        RequestDelegate next,
        ThreatDetectionOptions options,
        IThreatAnalyzer analyzer,
        ThreatReportQueue reports,
        ILogger<ThreatDetectionMiddleware> logger)
    {
        _next = next;
        _options = options;
        _policy = new DecisionPolicy(options.Policy);
        _inspector = new RequestInspector(analyzer, new RequestLimits(MaxBodyBytes: options.MaxBodyBytes), _policy);
        _reader = new HttpRequestDataReader(options);
        _excludedPaths = options.ExcludedPaths.Select(p => new PathString(p.TrimEnd('/') is { Length: > 0 } t ? t : "/")).ToArray();
        _exclusions = [.. options.Exclusions];
        _reports = reports;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsExcludedPath(context.Request.Path))
        {
            context.Features.Set<IThreatDetectionFeature>(ThreatDetectionFeature.NotInspected(_options.Mode, "excluded path"));
            await _next(context);
            return;
        }

        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        var captured = await _reader.ReadAsync(context.Request, context.RequestAborted);
        if (captured.BodyOverLimit && HttpRequestDataReader.EffectiveHandling(_options) == OversizedBodyHandling.Reject)
        {
            ThreatDetectionLog.Rejected(_logger, _options.MaxBodyBytes, traceId);
            await BlockedResponse.WriteContentTooLargeAsync(context, _options.MaxBodyBytes);
            return;
        }

        var verdict = _inspector.Inspect(captured.Data, _exclusions);
        var decision = _policy.Decide(verdict.Analysis, isAdmin: false);
        var feature = ThreatDetectionFeature.For(_options.Mode, verdict, decision, captured.Problems);
        context.Features.Set<IThreatDetectionFeature>(feature);

        foreach (var problem in feature.Problems)
        {
            ThreatDetectionLog.Problem(_logger, problem, traceId);
        }

        var block = decision.Blocked && _options.Mode == ThreatDetectionMode.Block;
        if (verdict.Analysis.IsThreat)
        {
            await OnThreatAsync(context, captured.Data, feature, block, traceId);
        }

        if (block)
        {
            var winner = verdict.Analysis.Findings.Count > 0 ? verdict.Analysis.Findings[0].RuleId : null;
            await BlockedResponse.WriteForbiddenAsync(context, verdict.Analysis.Category, winner);
            return;
        }

        await _next(context);
    }

    private async Task OnThreatAsync(HttpContext context, HttpRequestData data, ThreatDetectionFeature feature, bool block, string traceId)
    {
        var verdict = feature.Verdict!;
        var analysis = verdict.Analysis;
        var action = feature.Decision!.Action.ToString();
        if (block)
        {
            ThreatDetectionLog.Blocked(_logger, analysis.Category, analysis.Confidence, action, traceId);
        }
        else
        {
            ThreatDetectionLog.Detected(_logger, _options.Mode.ToString(), analysis.Category, analysis.Confidence, action, traceId);
        }

        foreach (var located in verdict.Findings.Take(MaxLoggedFindings))
        {
            var value = DetectedValue.Of(context.Request, located);
            ThreatDetectionLog.Finding(_logger, located.Finding.RuleId, located.Finding.Category, located.Location, value.Sha256, value.Length, value.Hashed, traceId);
        }

        if (_options.Reporting.Enabled)
        {
            _reports.TryEnqueue(ThreatReportFactory.Create(data, verdict, _options.Reporting));
        }

        if (_options.OnDetection is { } callback)
        {
            try
            {
                await callback(new ThreatDetectionContext(context, feature, block));
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                // The callback is the app's (metrics, alerting); its failure must neither open nor close the gate.
                ThreatDetectionLog.CallbackFailed(_logger, e, traceId);
            }
        }
    }

    private bool IsExcludedPath(PathString path)
    {
        foreach (var excluded in _excludedPaths)
        {
            if (path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.AspNetCore;

/// <summary>Log lines of the middleware. None carries a payload: rule ids, locations, hashes and lengths only.</summary>
internal static partial class ThreatDetectionLog
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning,
        Message = "Request blocked: {Family} (confidence {Confidence:0.00}, action {Action}), trace {TraceId}")]
    public static partial void Blocked(ILogger logger, string family, double confidence, string action, string traceId);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning,
        Message = "Threat detected, request let through ({Mode} mode): {Family} (confidence {Confidence:0.00}, action {Action}), trace {TraceId}")]
    public static partial void Detected(ILogger logger, string mode, string family, double confidence, string action, string traceId);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Information,
        Message = "Finding {RuleId} ({Family}) at {Location}: value sha256 {ValueSha256}, length {ValueLength} (hash of the {Hashed}), trace {TraceId}")]
    public static partial void Finding(ILogger logger, string ruleId, string family, string location, string valueSha256, int valueLength, string hashed, string traceId);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information,
        Message = "Request not fully inspected: {Problem}, trace {TraceId}")]
    public static partial void Problem(ILogger logger, string problem, string traceId);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Error, Message = "The OnDetection callback failed, trace {TraceId}")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string traceId);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Warning,
        Message = "Request body rejected: over the inspection limit of {Limit} bytes, trace {TraceId}")]
    public static partial void Rejected(ILogger logger, int limit, string traceId);
}

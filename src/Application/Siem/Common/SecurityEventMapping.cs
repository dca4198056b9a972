using System.Text.Json;
using InfiniteSecurity.Domain.Siem;

namespace InfiniteSecurity.Application.Siem.Common;

/// <summary>The one place a stored stream row becomes the view every format starts from.</summary>
public static class SecurityEventMapping
{
    public static SecurityEventView ToView(SecurityEvent e) => new(
        e.Id,
        e.OccurredAt,
        e.Kind,
        e.EventType,
        e.Actor,
        e.SourceIp,
        e.UserAgent,
        e.Outcome,
        e.Details,
        e.Kind == SecurityEventKind.Threat
            ? new ThreatFacts(
                e.Category ?? string.Empty,
                (e.Severity ?? "Low").ToLowerInvariant(),
                e.Confidence ?? 0,
                e.RiskScore ?? 0,
                e.Outcome,
                e.Blocked ?? false,
                string.IsNullOrEmpty(e.RuleIds) ? [] : e.RuleIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
                Locations(e.Locations),
                e.RequestId ?? Guid.Empty)
            : null,
        new StreamCursor(e.Xact, e.Position));

    private static string[] Locations(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            // Bounded formatting may have cut the array; an unreadable list is reported as none rather than failing the page.
            return [];
        }
    }
}

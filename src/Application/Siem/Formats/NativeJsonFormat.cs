using System.Text.Json.Nodes;
using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>The API's own snake_case JSON: every field of the event, nothing renamed.</summary>
public static class NativeJsonFormat
{
    public static JsonObject ToJson(SecurityEventView e)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["time"] = e.Time,
            ["kind"] = e.Kind,
            ["type"] = e.Type,
            ["name"] = SecurityEventCatalogue.Name(e),
            ["severity"] = SecurityEventCatalogue.Severity(e),
            ["actor"] = e.Actor,
            ["source_ip"] = e.SourceIp,
            ["user_agent"] = e.UserAgent,
            ["outcome"] = e.Outcome,
            ["details"] = e.Details,
        };
        if (e.Threat is { } t)
        {
            json["threat"] = new JsonObject
            {
                ["family"] = t.Family,
                ["severity"] = t.Severity,
                ["confidence"] = t.Confidence,
                ["risk_score"] = t.RiskScore,
                ["action"] = t.Action,
                ["blocked"] = t.Blocked,
                ["rule_ids"] = new JsonArray(t.RuleIds.Select(r => (JsonNode?)r).ToArray()),
                ["locations"] = new JsonArray(t.Locations.Select(l => (JsonNode?)l).ToArray()),
                ["request_id"] = t.RequestId,
            };
        }

        return json;
    }
}

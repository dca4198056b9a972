using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>Elastic Common Schema 8.x: threats are <c>event.kind: alert</c> with <c>rule.*</c> and <c>threat.*</c>, the rest <c>event</c>.</summary>
public static class EcsFormat
{
    public const string EcsVersion = "8.11.0";

    public static JsonObject ToJson(SecurityEventView e)
    {
        var entry = SecurityEventCatalogue.Of(e.Type);
        var (category, type) = entry.Group switch
        {
            SecurityEventCatalogue.Group.Finding => ("intrusion_detection", "denied"),
            SecurityEventCatalogue.Group.Authentication => ("authentication", entry.ActivityId == 2 ? "end" : "start"),
            SecurityEventCatalogue.Group.Account => ("iam", "change"),
            _ => ("configuration", "change"),
        };
        if (e.Threat is { Blocked: false })
        {
            type = "allowed";
        }

        var json = new JsonObject
        {
            ["@timestamp"] = e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["message"] = SecurityEventCatalogue.Name(e),
            ["ecs"] = new JsonObject { ["version"] = EcsVersion },
            ["event"] = new JsonObject
            {
                ["id"] = e.Id.ToString(),
                ["kind"] = e.Threat is null ? "event" : "alert",
                ["category"] = new JsonArray(category),
                ["type"] = new JsonArray(type),
                ["action"] = e.Type.ToLowerInvariant(),
                ["code"] = e.Type,
                ["outcome"] = e.Threat is not null ? "unknown" : SecurityEventCatalogue.IsFailure(e) ? "failure" : "success",
                ["severity"] = SecurityEventCatalogue.Severity(e),
                ["module"] = "infinitesecurity",
                ["dataset"] = "infinitesecurity.security",
                ["provider"] = ProductInfo.Product,
            },
            ["observer"] = new JsonObject { ["vendor"] = ProductInfo.Vendor, ["product"] = ProductInfo.Product, ["version"] = ProductInfo.Version },
        };
        if (e.SourceIp is not null && IPAddress.TryParse(e.SourceIp, out _))
        {
            json["source"] = new JsonObject { ["ip"] = e.SourceIp };
        }

        if (e.Actor is not null)
        {
            json["user"] = new JsonObject { ["name"] = e.Actor };
        }

        if (e.UserAgent is not null)
        {
            json["user_agent"] = new JsonObject { ["original"] = e.UserAgent };
        }

        if (e.Details is not null)
        {
            json["event"]!["reason"] = e.Details;
        }

        if (e.Threat is { } threat)
        {
            json["event"]!["risk_score"] = threat.RiskScore;
            json["event"]!["risk_score_norm"] = threat.Confidence * 100;
            json["rule"] = new JsonObject
            {
                ["id"] = new JsonArray(threat.RuleIds.Select(r => (JsonNode?)r).ToArray()),
                ["name"] = new JsonArray(threat.RuleIds.Select(r => (JsonNode?)r).ToArray()),
                ["category"] = threat.Family,
                ["ruleset"] = "infinitesecurity",
            };
            json["threat"] = new JsonObject
            {
                ["framework"] = "InfiniteSecurity",
                ["technique"] = new JsonObject { ["name"] = new JsonArray(threat.Family) },
            };
            json["infinitesecurity"] = new JsonObject
            {
                ["severity"] = threat.Severity,
                ["action"] = threat.Action,
                ["blocked"] = threat.Blocked,
                ["request_id"] = threat.RequestId.ToString(),
                ["locations"] = new JsonArray(threat.Locations.Select(l => (JsonNode?)l).ToArray()),
            };
        }

        return json;
    }
}

using System.Net;
using System.Text.Json.Nodes;
using InfiniteSecurity.Application.Siem.Common;

namespace InfiniteSecurity.Application.Siem.Formats;

/// <summary>
/// OCSF 1.3: threats as Detection Finding (2004), sign-ins and tokens as Authentication (3002), user and MFA
/// changes as Account Change (3001), machine clients and exclusions as API Activity (6003).
/// </summary>
public static class OcsfFormat
{
    public const string SchemaVersion = "1.3.0";

    public static JsonObject ToJson(SecurityEventView e)
    {
        var entry = SecurityEventCatalogue.Of(e.Type);
        var (classUid, className, categoryUid, categoryName) = entry.Group switch
        {
            SecurityEventCatalogue.Group.Finding => (2004, "Detection Finding", 2, "Findings"),
            SecurityEventCatalogue.Group.Authentication => (3002, "Authentication", 3, "Identity & Access Management"),
            SecurityEventCatalogue.Group.Account => (3001, "Account Change", 3, "Identity & Access Management"),
            _ => (6003, "API Activity", 6, "Application Activity"),
        };
        var severity = SecurityEventCatalogue.Severity(e);
        var json = new JsonObject
        {
            ["class_uid"] = classUid,
            ["class_name"] = className,
            ["category_uid"] = categoryUid,
            ["category_name"] = categoryName,
            ["activity_id"] = entry.ActivityId,
            ["activity_name"] = entry.ActivityName,
            ["type_uid"] = (classUid * 100L) + entry.ActivityId,
            ["time"] = new DateTimeOffset(e.Time).ToUnixTimeMilliseconds(),
            ["severity_id"] = SeverityId(severity),
            ["severity"] = SeverityName(SeverityId(severity)),
            ["message"] = SecurityEventCatalogue.Name(e),
            ["metadata"] = new JsonObject
            {
                ["version"] = SchemaVersion,
                ["uid"] = e.Id.ToString(),
                ["event_code"] = e.Type,
                ["product"] = new JsonObject { ["name"] = ProductInfo.Product, ["vendor_name"] = ProductInfo.Vendor, ["version"] = ProductInfo.Version },
            },
        };
        if (e.SourceIp is not null && IPAddress.TryParse(e.SourceIp, out _))
        {
            json["src_endpoint"] = new JsonObject { ["ip"] = e.SourceIp };
        }

        if (e.Actor is not null)
        {
            json["actor"] = new JsonObject { ["user"] = new JsonObject { ["name"] = e.Actor } };
        }

        if (e.UserAgent is not null)
        {
            json["http_request"] = new JsonObject { ["user_agent"] = e.UserAgent };
        }

        if (e.Threat is { } threat)
        {
            AddFinding(json, e, threat);
        }
        else
        {
            AddActivity(json, e, entry);
        }

        return json;
    }

    private static void AddFinding(JsonObject json, SecurityEventView e, ThreatFacts threat)
    {
        json["status_id"] = 1;
        json["status"] = "New";
        json["disposition_id"] = threat.Blocked ? 2 : 15;
        json["disposition"] = threat.Blocked ? "Blocked" : "Detected";
        json["action_id"] = threat.Blocked ? 2 : 1;
        json["action"] = threat.Blocked ? "Denied" : "Allowed";
        json["confidence_score"] = (int)Math.Round(threat.Confidence * 100);
        json["risk_score"] = threat.RiskScore;
        json["finding_info"] = new JsonObject
        {
            ["uid"] = e.Id.ToString(),
            ["title"] = SecurityEventCatalogue.Name(e),
            ["types"] = new JsonArray(threat.Family),
            ["related_analytics"] = new JsonArray(threat.RuleIds.Select(r => (JsonNode?)new JsonObject { ["uid"] = r, ["name"] = r, ["type_id"] = 1, ["type"] = "Rule" }).ToArray()),
        };
        json["unmapped"] = new JsonObject
        {
            ["decision_action"] = threat.Action,
            ["request_id"] = threat.RequestId.ToString(),
            ["locations"] = new JsonArray(threat.Locations.Select(l => (JsonNode?)l).ToArray()),
        };
    }

    private static void AddActivity(JsonObject json, SecurityEventView e, SecurityEventCatalogue.Entry entry)
    {
        var failed = SecurityEventCatalogue.IsFailure(e);
        json["status_id"] = failed ? 2 : 1;
        json["status"] = failed ? "Failure" : "Success";
        if (e.Details is not null)
        {
            json["status_detail"] = e.Details;
        }

        if (entry.Group is SecurityEventCatalogue.Group.Authentication or SecurityEventCatalogue.Group.Account)
        {
            json["user"] = new JsonObject { ["name"] = e.Actor ?? "unknown" };
        }
        else
        {
            json["api"] = new JsonObject { ["operation"] = e.Type };
        }
    }

    private static int SeverityId(int severity) => severity switch { >= 10 => 5, >= 8 => 4, >= 5 => 3, >= 3 => 2, _ => 1 };

    private static string SeverityName(int id) => id switch { 5 => "Critical", 4 => "High", 3 => "Medium", 2 => "Low", _ => "Informational" };
}

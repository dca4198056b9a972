using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.WebApi.FunctionalTests.Feedback;

/// <summary>The calls the feedback tests make: analyse and find the stored threat, give a verdict, read a rule.</summary>
internal static class FeedbackClient
{
    public sealed record Analysed(Guid ThreatId, double Confidence, string[] Patterns);

    public static async Task<JsonNode> AnalyzeAsync(this HttpClient client, string input)
    {
        var response = await client.PostAsJsonAsync("/api/v1/analyze", new { input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Analyses an attack and returns the id of the threat it stored.</summary>
    public static async Task<Analysed> AnalyzeThreatAsync(this ApiFactory factory, HttpClient client, string input)
    {
        var body = await client.AnalyzeAsync(input);
        Assert.That(body["analysis"]!["threat"]!.GetValue<bool>(), Is.True, $"expected an attack: {input}");
        var requestId = Guid.Parse(body["request_id"]!.GetValue<string>());
        var threatId = await factory.QueryAsync(db => db.Threats.Where(t => t.RequestId == requestId).Select(t => t.Id).SingleAsync());
        return new Analysed(threatId, Confidence(body), body["analysis"]!["patterns_matched"]!.AsArray().Select(p => p!.GetValue<string>()).ToArray());
    }

    public static double Confidence(JsonNode analysis) => analysis["analysis"]!["confidence"]!.GetValue<double>();

    public static Task<HttpResponseMessage> FeedbackAsync(this HttpClient client, Guid threatId, string verdict, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/threats/{threatId}/feedback", new { verdict, comment });

    public static async Task<JsonObject> SubmitAsync(this HttpClient client, Guid threatId, string verdict, string? comment = null)
    {
        var response = await client.FeedbackAsync(threatId, verdict, comment);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> RuleAsync(this HttpClient client, string ruleId)
    {
        var response = await client.GetAsync("/api/v1/detection/rules");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsArray().Single(r => r!["id"]!.GetValue<string>() == ruleId)!.AsObject();
    }

    public static double Weight(this JsonObject rule) => rule["effective_weight"]!.GetValue<double>();

    public static async Task ResetAsync(this HttpClient admin, IEnumerable<string> ruleIds)
    {
        foreach (var id in ruleIds)
        {
            var response = await admin.PostAsync($"/api/v1/detection/rules/{id}/reset", null);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }
}

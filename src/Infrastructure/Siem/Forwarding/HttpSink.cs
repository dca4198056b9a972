using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Application.Siem.Formats;

namespace InfiniteSecurity.Infrastructure.Siem.Forwarding;

/// <summary>
/// HTTP JSON push through the resilience pipeline of the named client: Splunk HEC (<c>Authorization: Splunk
/// token</c>, one JSON event object after another) or Elasticsearch bulk NDJSON with <c>create</c> and the event id
/// as <c>_id</c>, so a batch sent again after a lost answer creates nothing twice (409 per item counts as delivered).
/// </summary>
internal sealed class HttpSink(ForwarderOptions options, HttpClient http) : ISecurityEventSink
{
    public const string ClientName = "siem-forwarder";

    public async Task SendAsync(IReadOnlyList<SecurityEventView> batch, CancellationToken cancellationToken)
    {
        var baseUrl = options.Url ?? throw new InvalidOperationException($"Siem forwarder '{options.Name}' needs a Url.");
        using var request = options.Kind == ForwarderKind.SplunkHec ? SplunkRequest(baseUrl, batch) : ElasticRequest(baseUrl, batch);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The collector answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (options.Kind == ForwarderKind.ElasticBulk)
        {
            EnsureBulkCreated(text);
        }
    }

    private HttpRequestMessage SplunkRequest(Uri baseUrl, IReadOnlyList<SecurityEventView> batch)
    {
        var body = new StringBuilder();
        foreach (var e in batch)
        {
            var envelope = new JsonObject
            {
                ["time"] = new DateTimeOffset(e.Time).ToUnixTimeMilliseconds() / 1000.0,
                ["source"] = "infinitesecurity",
                ["sourcetype"] = "infinitesecurity:event",
                ["event"] = NativeJsonFormat.ToJson(e),
            };
            body.Append(envelope.ToJsonString()).Append('\n');
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "services/collector/event"))
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Splunk", options.Token);
        return request;
    }

    private HttpRequestMessage ElasticRequest(Uri baseUrl, IReadOnlyList<SecurityEventView> batch)
    {
        var body = new StringBuilder();
        foreach (var e in batch)
        {
            body.Append(new JsonObject { ["create"] = new JsonObject { ["_index"] = options.Index, ["_id"] = e.Id.ToString() } }.ToJsonString()).Append('\n');
            body.Append(EcsFormat.ToJson(e).ToJsonString()).Append('\n');
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "_bulk"))
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"),
        };
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", options.Token);
        }

        return request;
    }

    /// <summary>A bulk answer is 200 even when items failed: each item must be created (201) or already there (409).</summary>
    private static void EnsureBulkCreated(string text)
    {
        using var document = JsonDocument.Parse(text);
        if (!document.RootElement.TryGetProperty("errors", out var errors) || !errors.GetBoolean())
        {
            return;
        }

        var failed = document.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.EnumerateObject().First().Value.GetProperty("status").GetInt32())
            .Where(status => status is not (int)HttpStatusCode.Created and not (int)HttpStatusCode.Conflict)
            .ToList();
        if (failed.Count > 0)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"{failed.Count} bulk item(s) were refused (first status {failed[0]})."));
        }
    }
}

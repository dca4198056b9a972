using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>
/// Sends queued reports to <c>POST {ServiceUrl}/api/v2/inspect</c> one after another, with a bearer token from the
/// token cache. Transient failures are retried by the HTTP client's resilience pipeline; a report that still fails is
/// counted and logged (without its content) and the sender goes on with the next one.
/// </summary>
internal sealed partial class ThreatReportSender(
    ThreatReportQueue queue,
    IHttpClientFactory clients,
    ClientCredentialsTokenCache tokens,
    ThreatReportingStatistics statistics,
    ILogger<ThreatReportSender> logger) : BackgroundService
{
    public const string HttpClientName = "InfiniteSecurity.ThreatReporting";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var report in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await SendOneAsync(report, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; reports still queued are lost with the process, as a bounded in-memory queue implies.
        }
    }

    private async Task SendOneAsync(ThreatReport report, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        try
        {
            var token = await tokens.GetAsync(client, report.Reporting, cancellationToken);
            using var response = await PostAsync(client, report, token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The service may have revoked or rotated the client's tokens: one new token, one more try.
                tokens.Invalidate(report.Reporting, token);
                token = await tokens.GetAsync(client, report.Reporting, cancellationToken);
                using var retried = await PostAsync(client, report, token, cancellationToken);
                Record(retried.StatusCode);
                return;
            }

            Record(response.StatusCode);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this report (refused token, timeout after the retries, connection refused),
            // the sender must live on: an exception escaping a BackgroundService stops the customer's whole app.
            LogFailed(logger, e, e.GetType().Name, e.Message);
            statistics.OnFailed();
        }
    }

    private void Record(HttpStatusCode status)
    {
        if ((int)status is >= 200 and < 300)
        {
            statistics.OnSent();
            return;
        }

        LogRefused(logger, (int)status);
        statistics.OnFailed();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, ThreatReport report, string token, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InspectAddress(report.Reporting))
        {
            Content = new ByteArrayContent(Serialise(report)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request, cancellationToken);
    }

    internal static string InspectAddress(ThreatReportingOptions options) => options.ServiceUrl!.TrimEnd('/') + "/api/v2/inspect";

    /// <summary>
    /// <c>{"method","url","headers":{"Name":"value" or ["value", ...]},"body","body_encoding":"base64"}</c>, the JSON form
    /// of <c>/api/v2/inspect</c>: a header sent more than once becomes an array, in the order received.
    /// </summary>
    internal static byte[] Serialise(ThreatReport report)
    {
        var byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (name, value) in report.Headers)
        {
            if (!byName.TryGetValue(name, out var values))
            {
                byName[name] = values = [];
                order.Add(name);
            }

            values.Add(value);
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("method", report.Method);
            json.WriteString("url", report.Url);
            json.WriteStartObject("headers");
            foreach (var name in order)
            {
                var values = byName[name];
                if (values.Count == 1)
                {
                    json.WriteString(name, values[0]);
                    continue;
                }

                json.WriteStartArray(name);
                values.ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteBase64String("body", report.Body.Span);
            json.WriteString("body_encoding", "base64");
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 4311, Level = LogLevel.Warning, Message = "A threat report was not delivered ({Error}): {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string error, string reason);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Warning, Message = "The service refused a threat report with HTTP {Status}")]
    private static partial void LogRefused(ILogger logger, int status);
}

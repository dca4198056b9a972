using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using InfiniteSecurity.Application.Callbacks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Callbacks;

/// <summary>
/// Queues callback deliveries in a bounded channel and POSTs them, signed, through the resilient callbacks client.
/// Logs the analysis id, the host and the outcome only: never the body, the URL's path or query, or the key.
/// </summary>
internal sealed partial class CallbackSender(
    IHttpClientFactory clients,
    IOptions<CallbackOptions> options,
    CallbackLedger ledger,
    TimeProvider time,
    ILogger<CallbackSender> logger)
    : BackgroundService, ICallbackQueue
{
    public const string ClientName = "callbacks";
    public const string SignatureHeader = "X-InfiniteSecurity-Signature";

    private readonly Channel<CallbackDelivery> _queue = Channel.CreateBounded<CallbackDelivery>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public bool TryEnqueue(CallbackDelivery delivery) => _queue.Writer.TryWrite(delivery);

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(key, t + "." + body)&gt;</c>.</summary>
    public static string Sign(ReadOnlySpan<byte> key, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.ASCII.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(key, signed))}";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await DeliverAsync(delivery, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is lost, as the 202 answer's documentation says.
        }
    }

    private async Task DeliverAsync(CallbackDelivery delivery, CancellationToken stoppingToken)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.SigningKey ?? string.Empty);
        var host = delivery.Url.Host;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
            request.Content = new ReadOnlyMemoryContent(delivery.Body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation(SignatureHeader, Sign(key, time.GetUtcNow().ToUnixTimeSeconds(), delivery.Body.Span));
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stoppingToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                ledger.Record(delivery.Id, CallbackOutcome.Delivered);
                LogDelivered(delivery.Id, host, status);
            }
            else
            {
                ledger.Record(delivery.Id, CallbackOutcome.Failed);
                LogRejected(delivery.Id, host, status);
            }
        }
        catch (Exception e) when (Refused(e))
        {
            ledger.Record(delivery.Id, CallbackOutcome.Refused);
            LogRefused(delivery.Id, host);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && !stoppingToken.IsCancellationRequested)
        {
            ledger.Record(delivery.Id, CallbackOutcome.Failed);
            LogFailed(delivery.Id, host, e.GetType().Name);
        }
    }

    private static bool Refused(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is CallbackRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {AnalysisId} delivered to {Host} ({Status}).")]
    private partial void LogDelivered(Guid analysisId, string host, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {AnalysisId} to {Host} answered {Status} after every attempt; dropped.")]
    private partial void LogRejected(Guid analysisId, string host, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {AnalysisId} to {Host} refused: the host resolves only to blocked addresses.")]
    private partial void LogRefused(Guid analysisId, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {AnalysisId} to {Host} failed after every attempt ({Error}); dropped.")]
    private partial void LogFailed(Guid analysisId, string host, string error);
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Concurrent analyze requests with distinct attack inputs, remembering the request id of every threat the service
/// acknowledged (answered 200 with threat=true). Bounded: it stops on its token, and each worker stops on a broken
/// connection when asked to tolerate one (the service was killed).
/// </summary>
public sealed class AttackLoad(HttpClient client)
{
    public ConcurrentBag<Guid> Acknowledged { get; } = [];
    public ConcurrentDictionary<HttpStatusCode, int> Statuses { get; } = new();
    public int ConnectionErrors;

    public async Task RunAsync(int workers, CancellationToken stop)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                try
                {
                    using var response = await client.PostAsJsonAsync("api/v1/analyze", new { input = $"x' OR 'a{n}'='a{n}" }, CancellationToken.None);
                    Statuses.AddOrUpdate(response.StatusCode, 1, (_, c) => c + 1);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None))!;
                        if (body["analysis"]!["threat"]!.GetValue<bool>())
                        {
                            Acknowledged.Add(Guid.Parse(body["request_id"]!.GetValue<string>()));
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref ConnectionErrors);
                    await Task.Delay(20, CancellationToken.None);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref ConnectionErrors);
                }
            }
        }));
    }
}

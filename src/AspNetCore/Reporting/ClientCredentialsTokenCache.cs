using System.Collections.Concurrent;
using Duende.IdentityModel.Client;

namespace InfiniteSecurity.AspNetCore.Reporting;

/// <summary>
/// OAuth 2.0 client-credentials access tokens for the service, one per (service, client), reused until shortly before
/// they expire. One request at a time per client, so a burst of reports asks for one token, not one each.
/// </summary>
internal sealed class ClientCredentialsTokenCache(TimeProvider time)
{
    /// <summary>A token is renewed this long before it expires (or at half its lifetime, if that is shorter).</summary>
    internal static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(string Address, string ClientId), Entry> _entries = new();

    public async Task<string> GetAsync(HttpClient client, ThreatReportingOptions options, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd((TokenAddress(options), options.ClientId!), _ => new Entry());
        if (entry.Current is { } cached && time.GetUtcNow() < cached.RenewAt)
        {
            return cached.Token;
        }

        await entry.Lock.WaitAsync(cancellationToken);
        try
        {
            if (entry.Current is { } fresh && time.GetUtcNow() < fresh.RenewAt)
            {
                return fresh.Token;
            }

            var response = await client.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = TokenAddress(options),
                ClientId = options.ClientId!,
                ClientSecret = options.ClientSecret,
                Scope = string.IsNullOrWhiteSpace(options.Scope) ? null : options.Scope,
            }, cancellationToken);

            if (response.IsError || string.IsNullOrEmpty(response.AccessToken))
            {
                throw new ThreatReportingException(
                    $"the token endpoint refused client '{options.ClientId}': {response.Error ?? "no access token"} (HTTP {(int)response.HttpStatusCode})");
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(response.ExpiresIn, 1));
            var early = lifetime / 2 < RenewBefore ? lifetime / 2 : RenewBefore;
            entry.Current = new CachedToken(response.AccessToken, time.GetUtcNow() + lifetime - early);
            return response.AccessToken;
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    /// <summary>Forgets a token the service refused (401), so the next report asks for a new one.</summary>
    public void Invalidate(ThreatReportingOptions options, string token)
    {
        if (_entries.TryGetValue((TokenAddress(options), options.ClientId!), out var entry) && entry.Current?.Token == token)
        {
            entry.Current = null;
        }
    }

    internal static string TokenAddress(ThreatReportingOptions options) => options.ServiceUrl!.TrimEnd('/') + "/connect/token";

    private sealed class Entry
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        // One reference holds token and renewal time together, so a reader never sees one without the other.
        public volatile CachedToken? Current;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);
}

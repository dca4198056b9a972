namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// The machine clients' own API quotas as this instance knows them; every instance reloads them every few seconds,
/// so a changed quota holds on all of them within that time without a query per request.
/// </summary>
public interface IClientQuotas
{
    /// <summary>The client's own quota in requests per second, or null when the service-wide quota applies.</summary>
    int? RequestsPerSecond(string clientId);

    /// <summary>Loads the stored quotas now (the instance that changed one applies it at once).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

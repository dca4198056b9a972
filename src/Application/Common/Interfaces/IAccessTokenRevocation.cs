namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Access tokens carry their session (or client) id and are checked against the store, cached briefly. When a use
/// case revokes a session or a client it tells this cache, so this instance refuses the tokens at once.
/// </summary>
public interface IAccessTokenRevocation
{
    Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken);

    Task<bool> IsClientActiveAsync(string clientId, CancellationToken cancellationToken);

    void Forget(Guid sessionId);

    void ForgetClient(string clientId);
}

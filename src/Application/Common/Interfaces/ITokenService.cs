using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Clients;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>Issues the signed tokens (JWT) of the service.</summary>
public interface ITokenService
{
    /// <summary>An access token for a user's session; <paramref name="restriction"/> limits it (password change, MFA enrolment).</summary>
    IssuedToken CreateAccessToken(User user, Guid sessionId, string? restriction);

    IssuedToken CreateClientToken(MachineClient client, IReadOnlyCollection<string> scopes);

    /// <summary>A short-lived token proving the password step of a login that still needs the second factor.</summary>
    string CreateMfaChallengeToken(User user);

    /// <summary>The user id of a valid, unexpired MFA challenge token; null otherwise.</summary>
    Task<Guid?> ReadMfaChallengeTokenAsync(string token);
}

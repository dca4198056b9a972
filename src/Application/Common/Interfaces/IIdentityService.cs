using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>Passwords and authenticator (TOTP) codes, provided by ASP.NET Core Identity.</summary>
public interface IIdentityService
{
    string HashPassword(User user, string password);

    PasswordVerification VerifyPassword(User user, string password);

    /// <summary>Spends the time a real verification would, for user names that do not exist.</summary>
    void VerifyAgainstDummyHash(string password);

    /// <summary>The policy violations of a new password (empty when it is acceptable).</summary>
    IReadOnlyList<string> CheckPasswordPolicy(string password, string userName);

    /// <summary>A new authenticator secret: the clear Base32 key to show once, and its encrypted form to store.</summary>
    AuthenticatorKey NewAuthenticatorKey();

    Task<bool> VerifyAuthenticatorCodeAsync(User user, string code);
}

public enum PasswordVerification
{
    Failed,
    Success,
    SuccessRehashNeeded,
}

public sealed record AuthenticatorKey(string Base32Secret, string ProtectedSecret);

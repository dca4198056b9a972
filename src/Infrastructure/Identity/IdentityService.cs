using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>Passwords with Identity's PBKDF2 hasher (HMAC-SHA512, 220,000 iterations); TOTP with Identity's authenticator provider.</summary>
internal sealed class IdentityService(
    IPasswordHasher<User> hasher,
    UserManager<User> userManager,
    IDataProtectionProvider dataProtection,
    PasswordPolicy policy,
    DummyPasswordHash dummyHash) : IIdentityService
{
    public string HashPassword(User user, string password) => hasher.HashPassword(user, password);

    public PasswordVerification VerifyPassword(User user, string password) =>
        user.PasswordHash is null
            ? PasswordVerification.Failed
            : hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
            {
                PasswordVerificationResult.Success => PasswordVerification.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordVerification.SuccessRehashNeeded,
                _ => PasswordVerification.Failed,
            };

    public void VerifyAgainstDummyHash(string password) => dummyHash.Verify(hasher, password);

    public IReadOnlyList<string> CheckPasswordPolicy(string password, string userName) => policy.Check(password, userName);

    public AuthenticatorKey NewAuthenticatorKey()
    {
        var secret = userManager.GenerateNewAuthenticatorKey();
        return new AuthenticatorKey(secret, dataProtection.CreateProtector(UserStore.ProtectorPurpose).Protect(secret));
    }

    public Task<bool> VerifyAuthenticatorCodeAsync(User user, string code) =>
        userManager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code);
}

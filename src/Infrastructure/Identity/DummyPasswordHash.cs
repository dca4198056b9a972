using InfiniteSecurity.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>A hash of a random password made with the current settings, verified for unknown user names so they cost the same time.</summary>
internal sealed class DummyPasswordHash
{
    private static readonly User Nobody = User.Create("nobody", UserRole.User, TimeProvider.System);
    private string? _hash;

    public void Verify(IPasswordHasher<User> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}

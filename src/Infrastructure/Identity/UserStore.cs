using InfiniteSecurity.Domain.Users;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// ASP.NET Core Identity's view of the domain <see cref="User"/> (docs/decisions/0008): just enough store for
/// Identity's authenticator (TOTP) token provider. The TOTP secret is kept encrypted with Data Protection.
/// Lockout, roles and passwords stay in the domain and the use cases.
/// </summary>
internal sealed class UserStore(AppDbContext db, IDataProtectionProvider dataProtection) : IUserAuthenticatorKeyStore<User>
{
    public const string ProtectorPurpose = "InfiniteSecurity.AuthenticatorKey.v1";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectorPurpose);

    public Task SetAuthenticatorKeyAsync(User user, string key, CancellationToken cancellationToken)
    {
        user.BeginAuthenticatorEnrolment(_protector.Protect(key));
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(User user, CancellationToken cancellationToken) =>
        Task.FromResult(user.ProtectedAuthenticatorKey is { } key ? _protector.Unprotect(key) : null);

    public Task<string> GetUserIdAsync(User user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task<string?> GetNormalizedUserNameAsync(User user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedUserName);

    // Names are set through the domain (User.Create); Identity never renames a user here.
    public Task SetUserNameAsync(User user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException("User names are set by the domain.");

    public Task SetNormalizedUserNameAsync(User user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    public async Task<User?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? await db.Users.FindAsync([id], cancellationToken).ConfigureAwait(false) : null;

    public Task<User?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalizedUserName, cancellationToken);

    public void Dispose()
    {
        // The DbContext belongs to the request scope.
    }
}

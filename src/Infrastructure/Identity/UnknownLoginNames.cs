using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Domain.Users;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>
/// Stand-in users for names that do not exist, counted by the same domain rules as real accounts. In memory and
/// bounded (10,000 names): attacker-chosen names never reach the database. Per instance and lost on restart — a
/// limitation the README states.
/// </summary>
internal sealed class UnknownLoginNames(IOptions<AuthOptions> options, TimeProvider time) : IUnknownLoginNames, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public User StandInFor(string userName)
    {
        var key = User.Normalize(userName);
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out User? user) && user is not null)
            {
                return user;
            }

            // Any name can be typed at the login form; the stand-in only needs a valid domain name to count on.
            var printable = new string(userName.Select(c => char.IsControl(c) ? '\uFFFD' : c).Take(User.MaxUserNameLength).ToArray());
            user = User.Create(printable, UserRole.User, time);
            _cache.Set(key, user, new MemoryCacheEntryOptions
            {
                Size = 1,
                SlidingExpiration = TimeSpan.FromMinutes(options.Value.LockoutMinutes) * 2,
            });
            return user;
        }
    }

    public void Dispose() => _cache.Dispose();
}

using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Lockout state for user names that do not exist, so that guessing at them gets exactly the answers a real account
/// gets. Kept as stand-in users in a bounded in-memory cache: names an attacker chooses never reach the database.
/// </summary>
public interface IUnknownLoginNames
{
    User StandInFor(string userName);
}

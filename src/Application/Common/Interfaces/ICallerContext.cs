namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>Who sent the current request, as the web layer knows it from the validated access token.</summary>
public interface ICallerContext
{
    /// <summary>The token's subject: a user's id, or a machine client's client id.</summary>
    string? UserId { get; }

    /// <summary>The user's role name (admin, analyst, user); null for machine clients and anonymous callers.</summary>
    string? Role { get; }

    bool IsAdmin { get; }

    /// <summary>The refresh session the access token belongs to (users only).</summary>
    Guid? SessionId { get; }

    /// <summary>The machine client's id when the caller is a machine client.</summary>
    string? ClientId { get; }

    string? IpAddress { get; }

    string? UserAgent { get; }
}

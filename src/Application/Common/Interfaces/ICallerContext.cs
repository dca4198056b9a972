namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>Who sent the current request, as the web layer knows it.</summary>
public interface ICallerContext
{
    string? UserId { get; }
    bool IsAdmin { get; }
    string? IpAddress { get; }
    string? UserAgent { get; }
}

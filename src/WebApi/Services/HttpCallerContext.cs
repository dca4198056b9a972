using System.Security.Claims;
using InfiniteSecurity.Application.Common.Interfaces;

namespace InfiniteSecurity.WebApi.Services;

/// <summary>The caller as the current HTTP request shows it.</summary>
internal sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    private HttpContext? Http => accessor.HttpContext;

    public string? UserId => Http?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Http?.User.FindFirstValue("sub");

    public bool IsAdmin => Http?.User.IsInRole("admin") ?? false;

    public string? IpAddress => Http?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => Http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
}

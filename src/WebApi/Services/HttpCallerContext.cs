using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InfiniteSecurity.WebApi.Services;

/// <summary>The caller as the current request's validated access token shows it.</summary>
internal sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    private HttpContext? Http => accessor.HttpContext;

    private string? Claim(string type) => Http?.User.Identity?.IsAuthenticated == true ? Http.User.FindFirst(type)?.Value : null;

    public string? UserId => Claim(JwtRegisteredClaimNames.Sub);

    public string? Role => ClientId is null ? Claim(ClaimNames.Role) : null;

    public bool IsAdmin => Role == Roles.Admin;

    public Guid? SessionId => Guid.TryParse(Claim(JwtRegisteredClaimNames.Sid), out var id) ? id : null;

    public string? ClientId => Claim(ClaimNames.ClientId);

    public string? IpAddress => Http?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => Http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
}

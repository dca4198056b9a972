namespace InfiniteSecurity.Infrastructure.Identity;

/// <summary>Bound from <c>Jwt</c>. <c>SigningKey</c> is required outside Development (at least 32 bytes of UTF-8).</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "infinitesecurity";

    public string Audience { get; set; } = "infinitesecurity-api";

    /// <summary>Allowed clock difference between this server and others for exp/nbf.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public string MfaAudience => Audience + ":mfa";
}

namespace InfiniteSecurity.Application.Common.Security;

/// <summary>A signed token and when it expires.</summary>
public sealed record IssuedToken(string Token, DateTime ExpiresAt, Guid TokenId);

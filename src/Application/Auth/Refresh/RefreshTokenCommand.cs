using InfiniteSecurity.Application.Auth.Common;
using MediatR;

namespace InfiniteSecurity.Application.Auth.Refresh;

/// <summary>Exchange a refresh token for new tokens; the presented refresh token is used up (rotation).</summary>
public sealed record RefreshTokenCommand(string? RefreshToken) : IRequest<AuthTokens>
{
    public override string ToString() => nameof(RefreshTokenCommand);
}

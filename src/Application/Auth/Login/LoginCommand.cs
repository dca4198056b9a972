using MediatR;

namespace InfiniteSecurity.Application.Auth.Login;

/// <summary>Step one of signing in: user name and password.</summary>
public sealed record LoginCommand(string? UserName, string? Password) : IRequest<LoginResult>
{
    // Records print their members; a password must never reach a log line through ToString().
    public override string ToString() => $"{nameof(LoginCommand)} {{ UserName = {UserName} }}";
}

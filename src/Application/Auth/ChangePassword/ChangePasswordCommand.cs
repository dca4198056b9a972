using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Auth.ChangePassword;

/// <summary>Change the caller's password. Every session of the user ends; sign in again with the new password.</summary>
[Authorize]
public sealed record ChangePasswordCommand(string? CurrentPassword, string? NewPassword) : IRequest<Unit>
{
    public override string ToString() => nameof(ChangePasswordCommand);
}

using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Users.Common;
using MediatR;

namespace InfiniteSecurity.Application.Users.CreateUser;

/// <summary>An admin creates a user with an initial password and a role (admin, analyst, user).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed record CreateUserCommand(string? UserName, string? Password, string? Role) : IRequest<UserSummary>
{
    public override string ToString() => $"{nameof(CreateUserCommand)} {{ UserName = {UserName}, Role = {Role} }}";
}

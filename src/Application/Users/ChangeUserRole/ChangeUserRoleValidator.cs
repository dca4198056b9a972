using FluentValidation;
using InfiniteSecurity.Application.Common.Security;

namespace InfiniteSecurity.Application.Users.ChangeUserRole;

internal sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleValidator() =>
        RuleFor(c => c.Role).Must(r => Roles.TryParse(r, out _)).WithMessage("'role' is one of admin, analyst, user.").OverridePropertyName("role");
}

using FluentValidation;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Users.CreateUser;

internal sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator(IIdentityService identity)
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(User.MaxUserNameLength)
            .Must(n => n is null || !n.Any(char.IsControl)).WithMessage("'username' must not contain control characters.")
            .OverridePropertyName("username");
        RuleFor(c => c.Role).Must(r => Roles.TryParse(r, out _)).WithMessage("'role' is one of admin, analyst, user.").OverridePropertyName("role");
        RuleFor(c => c.Password).NotEmpty().OverridePropertyName("password")
            .Custom((password, context) =>
            {
                foreach (var problem in identity.CheckPasswordPolicy(password ?? string.Empty, context.InstanceToValidate.UserName ?? string.Empty))
                {
                    context.AddFailure("password", problem);
                }
            });
    }
}

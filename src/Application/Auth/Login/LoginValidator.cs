using FluentValidation;
using InfiniteSecurity.Domain.Users;

namespace InfiniteSecurity.Application.Auth.Login;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(User.MaxUserNameLength).OverridePropertyName("username");
        RuleFor(c => c.Password).NotEmpty().MaximumLength(128).OverridePropertyName("password");
    }
}

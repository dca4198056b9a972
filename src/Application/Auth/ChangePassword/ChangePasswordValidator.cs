using FluentValidation;
using InfiniteSecurity.Application.Common.Interfaces;

namespace InfiniteSecurity.Application.Auth.ChangePassword;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(IIdentityService identity)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(128).OverridePropertyName("current_password");
        RuleFor(c => c.NewPassword).NotEmpty().OverridePropertyName("new_password")
            .Custom((password, context) =>
            {
                foreach (var problem in identity.CheckPasswordPolicy(password ?? string.Empty, string.Empty))
                {
                    context.AddFailure("new_password", problem);
                }
            });
        RuleFor(c => c).Must(c => c.NewPassword != c.CurrentPassword).WithMessage("The new password must differ from the current one.").OverridePropertyName("new_password");
    }
}

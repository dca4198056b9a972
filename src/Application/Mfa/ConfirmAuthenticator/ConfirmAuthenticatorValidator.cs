using FluentValidation;

namespace InfiniteSecurity.Application.Mfa.ConfirmAuthenticator;

internal sealed class ConfirmAuthenticatorValidator : AbstractValidator<ConfirmAuthenticatorCommand>
{
    public ConfirmAuthenticatorValidator() =>
        RuleFor(c => c.Code).NotEmpty().Matches("^[0-9]{6}$").WithMessage("'code' is the 6-digit authenticator code.").OverridePropertyName("code");
}

using FluentValidation;

namespace InfiniteSecurity.Application.Auth.LoginWithMfa;

internal sealed class LoginWithMfaValidator : AbstractValidator<LoginWithMfaCommand>
{
    public LoginWithMfaValidator()
    {
        RuleFor(c => c.MfaToken).NotEmpty().MaximumLength(4096).OverridePropertyName("mfa_token");
        RuleFor(c => c).Must(c => string.IsNullOrEmpty(c.Code) != string.IsNullOrEmpty(c.RecoveryCode))
            .WithMessage("Give exactly one of 'code' (authenticator) or 'recovery_code'.").OverridePropertyName("code");
        RuleFor(c => c.Code).Matches("^[0-9]{6}$").When(c => !string.IsNullOrEmpty(c.Code)).WithMessage("'code' is the 6-digit authenticator code.").OverridePropertyName("code");
        RuleFor(c => c.RecoveryCode).MaximumLength(32).OverridePropertyName("recovery_code");
    }
}

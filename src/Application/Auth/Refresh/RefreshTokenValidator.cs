using FluentValidation;

namespace InfiniteSecurity.Application.Auth.Refresh;

internal sealed class RefreshTokenValidator : AbstractValidator<RefreshTokenCommand>
{
    public RefreshTokenValidator() => RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(256).OverridePropertyName("refresh_token");
}

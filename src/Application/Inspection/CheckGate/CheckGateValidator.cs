using FluentValidation;
using InfiniteSecurity.Application.Inspection.Common;

namespace InfiniteSecurity.Application.Inspection.CheckGate;

internal sealed class CheckGateValidator : AbstractValidator<CheckGateCommand>
{
    public CheckGateValidator()
    {
        RuleFor(c => c.Method)
            .Must(m => HttpToken.IsToken(m, 32)).WithMessage("Header X-Original-Method is required: the client's method (nginx: proxy_set_header X-Original-Method $request_method).")
            .OverridePropertyName("X-Original-Method");
        RuleFor(c => c.Url)
            .Must(u => RequestTarget.TrySplit(u, out _, out _))
            .WithMessage("Header X-Original-URI is required: the client's request URI as sent (nginx: proxy_set_header X-Original-URI $request_uri).")
            .OverridePropertyName("X-Original-URI");
    }
}

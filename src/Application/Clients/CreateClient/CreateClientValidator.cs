using FluentValidation;
using InfiniteSecurity.Domain.Clients;

namespace InfiniteSecurity.Application.Clients.CreateClient;

internal sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(MachineClient.MaxNameLength).OverridePropertyName("name");
        RuleFor(c => c.Scopes).NotEmpty().OverridePropertyName("scopes");
        RuleForEach(c => c.Scopes).Must(ClientScope.IsKnown).WithMessage($"Each scope is one of: {string.Join(", ", ClientScope.All)}.").OverridePropertyName("scopes");
    }
}

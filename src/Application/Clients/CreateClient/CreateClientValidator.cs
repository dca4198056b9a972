using FluentValidation;
using InfiniteSecurity.Domain.Clients;

namespace InfiniteSecurity.Application.Clients.CreateClient;

internal sealed class CreateClientValidator : AbstractValidator<CreateClientCommand>
{
    public CreateClientValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(MachineClient.MaxNameLength).OverridePropertyName("name");
        RuleFor(c => c.Scopes).NotEmpty().OverridePropertyName("scopes");
        RuleFor(c => c.RequestsPerSecond).InclusiveBetween(1, MachineClient.MaxRequestsPerSecond).When(c => c.RequestsPerSecond is not null)
            .WithMessage($"'requests_per_second' must be between 1 and {MachineClient.MaxRequestsPerSecond} (omit it for the service-wide quota).").OverridePropertyName("requests_per_second");
        RuleForEach(c => c.Scopes).Must(ClientScope.IsKnown).WithMessage($"Each scope is one of: {string.Join(", ", ClientScope.All)}.").OverridePropertyName("scopes");
    }
}

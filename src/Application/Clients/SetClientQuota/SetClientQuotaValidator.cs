using FluentValidation;
using InfiniteSecurity.Domain.Clients;

namespace InfiniteSecurity.Application.Clients.SetClientQuota;

internal sealed class SetClientQuotaValidator : AbstractValidator<SetClientQuotaCommand>
{
    public SetClientQuotaValidator() =>
        RuleFor(c => c.RequestsPerSecond).InclusiveBetween(1, MachineClient.MaxRequestsPerSecond).When(c => c.RequestsPerSecond is not null)
            .WithMessage($"'requests_per_second' must be between 1 and {MachineClient.MaxRequestsPerSecond}, or null for the service-wide quota.")
            .OverridePropertyName("requests_per_second");
}

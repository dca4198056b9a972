using FluentValidation;
using InfiniteSecurity.Domain.Audit;

namespace InfiniteSecurity.Application.Audit.ListAuditEvents;

internal sealed class ListAuditEventsValidator : AbstractValidator<ListAuditEventsQuery>
{
    public const int MaxPage = 1_000_000;

    public ListAuditEventsValidator()
    {
        // Bounded so that the offset (page - 1) * page_size can never overflow: 200,000,000 rows at most.
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage).OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).OverridePropertyName("page_size");
        RuleFor(q => q.EventType).MaximumLength(64).OverridePropertyName("event_type");
        RuleFor(q => q.Actor).MaximumLength(128).OverridePropertyName("actor");
        RuleFor(q => q.Outcome).Must(o => o is null || Enum.TryParse<AuditOutcome>(o, ignoreCase: true, out _))
            .WithMessage("'outcome' is Success or Failure.").OverridePropertyName("outcome");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To).WithMessage("'from' must not be after 'to'.").OverridePropertyName("from");
    }
}

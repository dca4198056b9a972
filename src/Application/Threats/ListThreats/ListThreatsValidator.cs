using FluentValidation;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Application.Threats.ListThreats;

internal sealed class ListThreatsValidator : AbstractValidator<ListThreatsQuery>
{
    public ListThreatsValidator()
    {
        RuleFor(q => q.Page).Null()
            .WithMessage("'page' is no longer supported: pass the previous response's next_cursor as 'cursor'.").OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListThreatsQuery.MaxPageSize).OverridePropertyName("page_size");
        RuleFor(q => q.Type).Must(t => t is null || (t != ThreatCategory.None && ThreatCategory.IsKnown(t)))
            .WithMessage("'type' is an attack family such as sql_injection or xss.").OverridePropertyName("type");
        RuleFor(q => q.Severity).Must(s => s is null || ThreatFilterValues.TrySeverity(s, out _))
            .WithMessage("'severity' is low, medium, high or critical.").OverridePropertyName("severity");
        RuleFor(q => q.Action).Must(a => a is null || ThreatFilterValues.TryAction(a, out _))
            .WithMessage("'action' is ALLOW, ALLOW_WITH_WARNING, MONITOR_ONLY, BLOCK_WITH_LOG or BLOCK_IMMEDIATE.").OverridePropertyName("action");
        RuleFor(q => q.Review).Must(r => r is null || ThreatFilterValues.TryReview(r, out _))
            .WithMessage("'review' is unreviewed, true_positive or false_positive.").OverridePropertyName("review");
        RuleFor(q => q.Sort).Must(s => ThreatFilterValues.TrySort(s, out _))
            .WithMessage("'sort' is detected_at, risk_score or severity.").OverridePropertyName("sort");
        RuleFor(q => q.User).MaximumLength(128).OverridePropertyName("user");
        RuleFor(q => q.SourceIp).MaximumLength(64).OverridePropertyName("source_ip");
        RuleFor(q => q.Q).MaximumLength(ListThreatsQuery.MaxSearchLength).OverridePropertyName("q");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To).WithMessage("'from' must not be after 'to'.").OverridePropertyName("from");

        // A cursor belongs to one sort: reusing it with another would skip or repeat rows.
        RuleFor(q => q.Cursor)
            .Must((q, c) => c is null || (ThreatCursor.TryDecode(c, out var cursor) && ThreatFilterValues.TrySort(q.Sort, out var sort) && cursor!.Sort == sort))
            .WithMessage("'cursor' is not a cursor this list returned (for this sort); start again without it.").OverridePropertyName("cursor");
    }
}

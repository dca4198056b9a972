using FluentValidation;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Application.Siem.Formats;

namespace InfiniteSecurity.Application.Siem.ListSecurityEvents;

internal sealed class ListSecurityEventsValidator : AbstractValidator<ListSecurityEventsQuery>
{
    public ListSecurityEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListSecurityEventsQuery.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.Cursor).Must(c => StreamCursor.TryDecode(c, out _))
            .WithMessage("'cursor' is not a cursor this API handed out; use next_cursor as it came.").OverridePropertyName("cursor");
        RuleFor(q => q).Must(q => q.Since is null || q.Until is null || q.Since < q.Until).WithMessage("'since' must be before 'until'.").OverridePropertyName("since");
        RuleFor(q => q.Types).MaximumLength(1000).OverridePropertyName("types");
        RuleFor(q => q.Format).Must(SecurityEventFormat.IsKnown)
            .WithMessage($"'format' is one of {string.Join(", ", SecurityEventFormat.All)}.").OverridePropertyName("format");
        RuleFor(q => q.TypeList)
            .Must(types => types.All(t => t.Length <= 64 && t.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9'))))
            .WithMessage("'types' is a comma-separated list of event types such as THREAT_DETECTED,LOGIN_FAILED.")
            .OverridePropertyName("types");
    }
}

using FluentValidation;

namespace InfiniteSecurity.Application.Threats.ListThreats;

internal sealed class ListThreatsValidator : AbstractValidator<ListThreatsQuery>
{
    public ListThreatsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).OverridePropertyName("page_size");
    }
}

using FluentValidation;

namespace InfiniteSecurity.Application.Threats.ListThreats;

internal sealed class ListThreatsValidator : AbstractValidator<ListThreatsQuery>
{
    public const int MaxPage = 1_000_000;

    public ListThreatsValidator()
    {
        // Bounded so that the offset (page - 1) * page_size can never overflow: 200,000,000 rows at most.
        RuleFor(q => q.Page).InclusiveBetween(1, MaxPage).OverridePropertyName("page");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).OverridePropertyName("page_size");
    }
}

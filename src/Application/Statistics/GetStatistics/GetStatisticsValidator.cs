using FluentValidation;

namespace InfiniteSecurity.Application.Statistics.GetStatistics;

internal sealed class GetStatisticsValidator : AbstractValidator<GetStatisticsQuery>
{
    public GetStatisticsValidator() =>
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To).WithMessage("'from' must not be after 'to'.").OverridePropertyName("from");
}

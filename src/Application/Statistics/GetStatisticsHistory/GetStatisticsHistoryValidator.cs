using FluentValidation;

namespace InfiniteSecurity.Application.Statistics.GetStatisticsHistory;

internal sealed class GetStatisticsHistoryValidator : AbstractValidator<GetStatisticsHistoryQuery>
{
    public GetStatisticsHistoryValidator(TimeProvider time)
    {
        RuleFor(q => q.Bucket).Must(b => HistoryBucket.TryParse(b, out _)).WithMessage("'bucket' is 1m, 1h or 1d.").OverridePropertyName("bucket");
        RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To).WithMessage("'from' must not be after 'to'.").OverridePropertyName("from");
        RuleFor(q => q)
            .Must(q => !HistoryBucket.TryParse(q.Bucket, out var size) || GetStatisticsHistoryHandler.Range(q, size, time.GetUtcNow().UtcDateTime).Count <= GetStatisticsHistoryQuery.MaxBuckets)
            .WithMessage($"The range holds more than {GetStatisticsHistoryQuery.MaxBuckets} buckets: choose a larger bucket or a shorter range.")
            .OverridePropertyName("to");
    }
}

using FluentValidation;

namespace InfiniteSecurity.Application.Threats.AnalyzeBatch;

/// <summary>The batch's shape; an item with a bad input is answered with its own error, not a 400 for all.</summary>
internal sealed class AnalyzeBatchValidator : AbstractValidator<AnalyzeBatchCommand>
{
    public AnalyzeBatchValidator()
    {
        RuleFor(c => c.Items)
            .Must(items => items is { Count: > 0 and <= AnalyzeBatchCommand.MaxItems })
            .WithMessage($"'items' must hold 1 to {AnalyzeBatchCommand.MaxItems} items.")
            .OverridePropertyName("items");
        RuleForEach(c => c.Items)
            .Must(item => item is not null && (item.Id is null || item.Id.Length <= AnalyzeBatchCommand.MaxIdLength))
            .WithMessage($"every item must be an object whose 'id' has at most {AnalyzeBatchCommand.MaxIdLength} characters.")
            .OverridePropertyName("items");
    }
}

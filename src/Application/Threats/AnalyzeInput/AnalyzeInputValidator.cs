using FluentValidation;
using InfiniteSecurity.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Threats.AnalyzeInput;

internal sealed class AnalyzeInputValidator : AbstractValidator<AnalyzeInputCommand>
{
    public AnalyzeInputValidator(IOptions<DetectionOptions> options)
    {
        var max = options.Value.MaxInputLength;
        RuleFor(c => c.Input)
            // Not NotEmpty(): that refuses whitespace, and "\r\n" alone is a real CRLF-injection probe worth analysing.
            .Must(input => !string.IsNullOrEmpty(input)).WithMessage("'input' is required and must not be empty.")
            .MaximumLength(max).WithMessage($"'input' must be at most {max} characters (Detection:MaxInputLength); it has {{TotalLength}}. Split the input: it is never truncated.")
            .OverridePropertyName("input");
        RuleFor(c => c.Depth)
            .Must(depth => AnalysisDepths.TryParse(depth, out _)).WithMessage("'analysis_depth' must be 'basic', 'standard' or 'deep'.")
            .OverridePropertyName("analysis_depth");
        When(c => c.Context is not null, () =>
        {
            RuleFor(c => c.Context!.Location)
                .Must(l => l is not null && AnalysisContexts.Locations.ContainsKey(l))
                .WithMessage($"'context.location' must be one of {string.Join(", ", AnalysisContexts.Locations.Keys.Select(k => $"'{k}'"))}.")
                .OverridePropertyName("context.location");
            RuleFor(c => c.Context!.Field)
                .MaximumLength(AnalysisContexts.MaxFieldLength).WithMessage($"'context.field' must be at most {AnalysisContexts.MaxFieldLength} characters.")
                .Must(f => f is null || !f.Any(char.IsControl)).WithMessage("'context.field' must not contain control characters.")
                .OverridePropertyName("context.field");
            RuleFor(c => c.Context!.Field)
                .Must(f => !string.IsNullOrEmpty(f)).WithMessage("'context.field' names the header the value came in.")
                .When(c => c.Context!.Location == "header")
                .OverridePropertyName("context.field");
            RuleFor(c => c.Context!.ContentType)
                .MaximumLength(AnalysisContexts.MaxContentTypeLength).WithMessage($"'context.content_type' must be at most {AnalysisContexts.MaxContentTypeLength} characters.")
                .Matches("^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+( *;[ -~]*)?$").When(c => c.Context!.ContentType is not null)
                .WithMessage("'context.content_type' must be a media type such as 'application/json'.")
                .OverridePropertyName("context.content_type");
        });
    }
}

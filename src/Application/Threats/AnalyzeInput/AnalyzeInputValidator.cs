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
    }
}

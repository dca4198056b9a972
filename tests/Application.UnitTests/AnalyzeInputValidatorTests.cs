using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Application.Threats.AnalyzeInput;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class AnalyzeInputValidatorTests
{
    private static AnalyzeInputValidator Validator(int max = 10_000) => new(Options.Create(new DetectionOptions { MaxInputLength = max }));

    [TestCase(null)]
    [TestCase("")]
    public void Missing_or_empty_input_is_refused_under_the_input_field(string? input)
    {
        var result = Validator().Validate(new AnalyzeInputCommand(input));

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "input" }));
    }

    [Test]
    public void Input_at_the_limit_is_accepted_and_one_more_character_is_refused_naming_the_limit()
    {
        var validator = Validator(max: 50);

        Assert.That(validator.Validate(new AnalyzeInputCommand(new string('a', 50))).IsValid, Is.True);
        var tooLong = validator.Validate(new AnalyzeInputCommand(new string('a', 51)));
        Assert.That(tooLong.IsValid, Is.False);
        Assert.That(tooLong.Errors.Single().ErrorMessage, Does.Contain("50").And.Contain("51").And.Contain("Detection:MaxInputLength"));
    }

    [Test]
    public void Whitespace_only_input_is_analysed_not_refused()
    {
        // Attack payloads can be whitespace-heavy (newline injection); only truly empty input is refused.
        Assert.That(Validator().Validate(new AnalyzeInputCommand("\r\n")).IsValid, Is.True);
    }
}

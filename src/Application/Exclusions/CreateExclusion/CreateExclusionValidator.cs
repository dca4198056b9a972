using FluentValidation;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Domain.Exclusions;

namespace InfiniteSecurity.Application.Exclusions.CreateExclusion;

/// <summary>The domain's named checks (<see cref="ExclusionRules"/>), reported per field as a 400.</summary>
internal sealed class CreateExclusionValidator : AbstractValidator<CreateExclusionCommand>
{
    public CreateExclusionValidator(RuleCatalogue catalogue)
    {
        Check(c => c.PathPrefix, "path_prefix", ExclusionRules.PathPrefixProblem);
        Check(c => c.Location, "location", ExclusionRules.LocationProblem);
        Check(c => c.RuleId, "rule_id", id => ExclusionRules.RuleIdProblem(id, catalogue));
        Check(c => c.Family, "family", ExclusionRules.FamilyProblem);
        Check(c => c.Method, "method", ExclusionRules.MethodProblem);
        Check(c => c.Host, "host", ExclusionRules.HostProblem);
        Check(c => c.Note, "note", ExclusionRules.NoteProblem);
        RuleFor(c => c)
            .Must(c => ExclusionRules.RuleAndFamilyProblem(c.RuleId, c.Family) is null)
            .WithMessage(c => ExclusionRules.RuleAndFamilyProblem(c.RuleId, c.Family))
            .OverridePropertyName("rule_id");
    }

    private void Check(System.Linq.Expressions.Expression<Func<CreateExclusionCommand, string?>> field, string name, Func<string?, string?> problem) =>
        RuleFor(field).Must(v => problem(v) is null).WithMessage((_, v) => problem(v)).OverridePropertyName(name);
}

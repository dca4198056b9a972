using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Domain.Exclusions;

/// <summary>
/// An administrator's exclusion, the way teams tune a WAF: skip one rule (or every rule of a family, or every rule)
/// at one location of requests whose path starts with a prefix (and, when given, with that method and host).
/// Removing one keeps the row (who removed it and when): rows are never changed otherwise, so the number of rows and
/// of removed rows together tell every instance whether anything changed, and the history stays readable.
/// </summary>
public sealed class DetectionExclusion
{
    private DetectionExclusion()
    {
    }

    public Guid Id { get; private set; }
    public string PathPrefix { get; private set; } = "/";
    public string Location { get; private set; } = string.Empty;
    public string? RuleId { get; private set; }
    public string? Family { get; private set; }

    /// <summary>Upper case, or null for every method.</summary>
    public string? Method { get; private set; }

    /// <summary>Lower case, or null for every host.</summary>
    public string? Host { get; private set; }

    /// <summary>Why the exclusion exists (free text for the next administrator).</summary>
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = string.Empty;
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedBy { get; private set; }

    public bool IsActive => RemovedAt is null;

    /// <summary>Creates an exclusion; every field is checked by <see cref="ExclusionRules"/>.</summary>
    public static DetectionExclusion Create(
        string? pathPrefix,
        string? location,
        string? ruleId,
        string? family,
        string? method,
        string? host,
        string? note,
        string createdBy,
        RuleCatalogue catalogue,
        TimeProvider time)
    {
        Check(ExclusionRules.PathPrefixProblem(pathPrefix));
        Check(ExclusionRules.LocationProblem(location));
        Check(ExclusionRules.RuleIdProblem(ruleId, catalogue));
        Check(ExclusionRules.FamilyProblem(family));
        Check(ExclusionRules.RuleAndFamilyProblem(ruleId, family));
        Check(ExclusionRules.MethodProblem(method));
        Check(ExclusionRules.HostProblem(host));
        Check(ExclusionRules.NoteProblem(note));

        var now = time.UtcNow();
        return new DetectionExclusion
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            PathPrefix = pathPrefix!,
            Location = location!,
            RuleId = ruleId,
            Family = family,
            Method = method?.ToUpperInvariant(),
            Host = host?.ToLowerInvariant(),
            Note = Guard.Neutralise(note, ExclusionRules.MaxNoteLength),
            CreatedAt = now,
            CreatedBy = Guard.NotBlank(Guard.Neutralise(createdBy, 128), "Creator", 128),
        };
    }

    /// <summary>Ends the exclusion; from now on it silences nothing.</summary>
    public void Remove(string removedBy, TimeProvider time)
    {
        if (!IsActive)
        {
            throw new DomainException("This exclusion is already removed.");
        }

        RemovedAt = time.UtcNow();
        RemovedBy = Guard.NotBlank(Guard.Neutralise(removedBy, 128), "Remover", 128);
    }

    private static void Check(string? problem)
    {
        if (problem is not null)
        {
            throw new DomainException(problem);
        }
    }
}

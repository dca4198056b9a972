using InfiniteSecurity.Domain.Common;
using InfiniteSecurity.Detection;

namespace InfiniteSecurity.Domain.Threats;

/// <summary>
/// A detected attack, with its evidence. A SHA-256 fingerprint and length identify the input, and the evidence keeps
/// only the bounded matched spans; the whole input is kept only when the deployment opts in, and then only as
/// ciphertext (<see cref="Input"/>).
/// </summary>
public sealed class Threat
{
    public const int MaxEvidenceLength = 4000;
    public const int MaxLocationsLength = 1000;

    private Threat()
    {
    }

    public Guid Id { get; private set; }
    public DateTime DetectedAt { get; private set; }
    public string Category { get; private set; } = ThreatCategory.None;
    public double Confidence { get; private set; }
    public Severity Severity { get; private set; }
    public int RiskScore { get; private set; }
    public DecisionAction Action { get; private set; }
    public bool Blocked { get; private set; }
    public bool RequiresHumanReview { get; private set; }
    public string PatternsMatched { get; private set; } = string.Empty;
    public string Evidence { get; private set; } = string.Empty;
    public string InputSha256 { get; private set; } = string.Empty;
    public int InputLength { get; private set; }
    public string? SourceIp { get; private set; }
    public string? UserId { get; private set; }
    public Guid RequestId { get; private set; }

    /// <summary>
    /// For an inspected HTTP request: where in it the counted findings were (<c>query:id</c>, <c>header:User-Agent</c>,
    /// ...), distinct, as a JSON array bounded to <see cref="MaxLocationsLength"/>; null for a single analysed input.
    /// </summary>
    public string? Locations { get; private set; }

    /// <summary>The analysts' verdict; <see cref="ThreatReviewState.Unreviewed"/> until feedback is given.</summary>
    public ThreatReviewState ReviewState { get; private set; }

    /// <summary>When the current verdict was given (UTC); null while unreviewed.</summary>
    public DateTime? ReviewedAt { get; private set; }

    /// <summary>
    /// The whole input, encrypted, when it was kept (see <see cref="KeepInput"/>); null otherwise, and null when read
    /// without asking for it. It travels with the threat so that both are written, spooled and replayed as one.
    /// </summary>
    public ThreatInput? Input { get; private set; }

    /// <summary>Keeps the whole input with the threat, as ciphertext the caller has already protected. Once only.</summary>
    public void KeepInput(byte[] ciphertext, string? contentType)
    {
        if (Input is not null)
        {
            throw new DomainException("The input of a threat is kept once.");
        }

        Input = ThreatInput.For(Id, ciphertext, contentType, DetectedAt);
    }

    /// <summary>How many detections this row stands for: repeats of one attack from one source are folded into it.</summary>
    public int Occurrences { get; private set; } = 1;

    /// <summary>The earliest folded detection (UTC); <see cref="DetectedAt"/> of a threat seen once.</summary>
    public DateTime FirstSeen { get; private set; }

    /// <summary>The latest folded detection (UTC).</summary>
    public DateTime LastSeen { get; private set; }

    /// <summary>
    /// Names the (source, input, rules, window) this row collects repeats for; unique while set. Null when aggregation
    /// is off or for a row that must not absorb later repeats (one replayed from the spool).
    /// </summary>
    public string? AggregationKey { get; private set; }

    /// <summary>Records a threat the engine detected. Refuses analyses that are not threats.</summary>
    public static Threat Record(
        Guid requestId,
        ThreatAnalysis analysis,
        Decision decision,
        InputFingerprint input,
        string evidence,
        string? sourceIp,
        string? userId,
        TimeProvider time,
        IReadOnlyCollection<string>? locations = null)
    {
        if (!analysis.IsThreat || analysis.Category == ThreatCategory.None)
        {
            throw new DomainException("Only an analysis that found a threat can be recorded as a threat.");
        }

        if (!ThreatCategory.IsKnown(analysis.Category))
        {
            throw new DomainException($"Unknown threat category '{analysis.Category}'.");
        }

        return new Threat
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            RequestId = requestId,
            DetectedAt = time.UtcNow(),
            Category = analysis.Category,
            Confidence = Guard.Probability(analysis.Confidence, nameof(Confidence)),
            Severity = analysis.Severity,
            RiskScore = Math.Clamp(analysis.RiskScore, 0, 99),
            Action = decision.Action,
            Blocked = decision.Blocked,
            RequiresHumanReview = decision.RequiresHumanReview,
            PatternsMatched = string.Join(',', analysis.PatternsMatched),
            Evidence = Guard.Neutralise(evidence, MaxEvidenceLength) ?? string.Empty,
            InputSha256 = input.Sha256,
            InputLength = input.Length,
            SourceIp = Guard.Neutralise(sourceIp, 64),
            UserId = Guard.Neutralise(userId, 128),
            Locations = locations is null ? null : ThreatLocations.Format(locations, MaxLocationsLength),
        }.WithSeenTimes();
    }

    private Threat WithSeenTimes()
    {
        FirstSeen = DetectedAt;
        LastSeen = DetectedAt;
        return this;
    }

    /// <summary>Lets this threat collect repeats under <paramref name="key"/>, or (null) none.</summary>
    public void AggregateUnder(string? key) => AggregationKey = key;

    /// <summary>
    /// Folds a repeat of this attack into this row: its occurrences add up and the seen times widen. Only a threat
    /// with the same aggregation key is a repeat; anything else would merge unrelated attacks.
    /// </summary>
    public void Absorb(Threat repeat)
    {
        ArgumentNullException.ThrowIfNull(repeat);
        if (AggregationKey is null || repeat.AggregationKey != AggregationKey || repeat.Id == Id)
        {
            throw new DomainException("Only a distinct threat with the same aggregation key can be folded into another.");
        }

        Occurrences = checked(Occurrences + repeat.Occurrences);
        FirstSeen = repeat.FirstSeen < FirstSeen ? repeat.FirstSeen : FirstSeen;
        LastSeen = repeat.LastSeen > LastSeen ? repeat.LastSeen : LastSeen;
    }

    /// <summary>
    /// Records an analyst's verdict. A later verdict replaces an earlier one (analysts correct each other); going back
    /// to unreviewed is refused, as is a verdict dated before the detection.
    /// </summary>
    public void MarkReviewed(ThreatReviewState state, DateTime at)
    {
        if (state == ThreatReviewState.Unreviewed || !Enum.IsDefined(state))
        {
            throw new DomainException("A review must say true positive or false positive.");
        }

        if (at.Kind != DateTimeKind.Utc)
        {
            throw new DomainException("Review times are UTC.");
        }

        if (at < DetectedAt)
        {
            throw new DomainException("A threat cannot be reviewed before it was detected.");
        }

        ReviewState = state;
        ReviewedAt = at;
    }
}

using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>
/// Threats visible to the caller, filtered, in keyset pages. Every filter is optional and they combine with AND;
/// <see cref="Cursor"/> is the <c>next_cursor</c> of the previous page (with the same filters and sort).
/// </summary>
[Authorize]
public sealed record ListThreatsQuery : IRequest<ThreatPage>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 200;

    /// <summary>Attack family, e.g. <c>sql_injection</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>low|medium|high|critical</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>Decision action, e.g. <c>BLOCK_IMMEDIATE</c> (case and underscores do not matter).</summary>
    public string? Action { get; init; }

    /// <summary>The user or machine client id the threat came from.</summary>
    public string? User { get; init; }

    public string? SourceIp { get; init; }

    /// <summary>Detected at or after (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Detected before (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary><c>unreviewed|true_positive|false_positive</c>.</summary>
    public string? Review { get; init; }

    /// <summary>Case-insensitive substring of the stored evidence.</summary>
    public string? Q { get; init; }

    /// <summary><c>detected_at</c> (default), <c>risk_score</c> or <c>severity</c>; always newest first within a key.</summary>
    public string? Sort { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public string? Cursor { get; init; }

    /// <summary>The old offset parameter, kept only to refuse it with a message that points to <see cref="Cursor"/>.</summary>
    public string? Page { get; init; }
}

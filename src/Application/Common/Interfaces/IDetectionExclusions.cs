using EngineExclusion = InfiniteSecurity.Detection.Requests.DetectionExclusion;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// The exclusions in force, held in memory: inspection reads <see cref="Current"/> on every request without touching
/// the database. Each instance refreshes it when the stored exclusions change (within a few seconds), and at once
/// after a change it made itself.
/// </summary>
public interface IDetectionExclusions
{
    IReadOnlyList<EngineExclusion> Current { get; }

    /// <summary>Reloads now if the stored exclusions changed since the last load.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

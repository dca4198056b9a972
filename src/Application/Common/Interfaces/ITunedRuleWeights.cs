namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>The stored rule weight overrides as loaded into the engine; every instance reloads them every few seconds.</summary>
public interface ITunedRuleWeights
{
    /// <summary>Loads the stored overrides now (the instance that changed them applies them at once).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}

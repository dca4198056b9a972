namespace InfiniteSecurity.Application.Common.Options;

/// <summary>Whether a threat keeps its whole input (<see cref="ThreatStorageOptions.StoreInput"/>).</summary>
public enum InputStorage
{
    None = 0,
    Encrypted = 1,
}

namespace InfiniteSecurity.Application.Common.Exceptions;

/// <summary>
/// A stored input exists but no key in the ring opens it: the key was lost, or this instance does not share the key
/// ring of the one that stored it. The threat itself is intact.
/// </summary>
public sealed class ThreatInputUnreadableException(Exception inner)
    : Exception("The stored input cannot be decrypted with the keys this instance has.", inner);

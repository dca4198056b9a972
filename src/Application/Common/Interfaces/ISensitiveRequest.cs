using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Marks a request that carries user input or secrets. Pipeline logging never serialises requests; for these it
/// logs only the fingerprint (SHA-256 prefix and length), so attack payloads and passwords never reach the logs.
/// </summary>
public interface ISensitiveRequest
{
    InputFingerprint Fingerprint { get; }
}

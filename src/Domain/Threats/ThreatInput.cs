using InfiniteSecurity.Domain.Common;

namespace InfiniteSecurity.Domain.Threats;

/// <summary>
/// The whole analysed input of a threat, kept only when the deployment opts in and only as ciphertext: the domain
/// never sees the plaintext, so nothing that carries a threat (the spool, a log line, a serialised entity) can
/// carry the input readable. Stored beside the threat, in the same transaction, and deleted with it.
/// </summary>
public sealed class ThreatInput
{
    public const int MaxContentTypeLength = 100;

    private ThreatInput()
    {
    }

    public Guid ThreatId { get; private set; }

    /// <summary>The protected bytes; only the key ring that wrote them can read them.</summary>
    public byte[] Ciphertext { get; private set; } = [];

    /// <summary>What the input was: <c>text/plain</c> for an analysed value, <c>message/http</c> or <c>application/json</c> for an inspected request.</summary>
    public string? ContentType { get; private set; }

    public DateTime StoredAt { get; private set; }

    internal static ThreatInput For(Guid threatId, byte[] ciphertext, string? contentType, DateTime storedAt)
    {
        if (ciphertext is null || ciphertext.Length == 0)
        {
            throw new DomainException("A stored input needs its ciphertext.");
        }

        return new ThreatInput
        {
            ThreatId = threatId,
            Ciphertext = ciphertext,
            ContentType = Guard.Neutralise(contentType, MaxContentTypeLength),
            StoredAt = storedAt,
        };
    }
}

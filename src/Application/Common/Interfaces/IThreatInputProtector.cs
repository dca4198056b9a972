namespace InfiniteSecurity.Application.Common.Interfaces;

/// <summary>
/// Encrypts the whole input of a threat before it leaves the request (so the writer, the spool and the database
/// only ever hold ciphertext) and decrypts it for an analyst.
/// </summary>
public interface IThreatInputProtector
{
    /// <summary>True when the deployment keeps inputs (<c>Threats:StoreInput=Encrypted</c>).</summary>
    bool KeepsInputs { get; }

    /// <summary>The ciphertext of <paramref name="input"/>; null when the key ring cannot be reached (the threat is then recorded without it).</summary>
    byte[]? Protect(ReadOnlySpan<byte> input);

    /// <summary>The plaintext; throws <see cref="Exceptions.ThreatInputUnreadableException"/> when no key in the ring opens it.</summary>
    byte[] Unprotect(byte[] ciphertext);
}

using System.Security.Cryptography;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Infrastructure.Persistence.Inputs;

/// <summary>
/// Data Protection under a purpose of its own, so a ciphertext of a stored input can never be passed off as another
/// protected value (an authenticator secret) or the reverse. The key ring is the one in the database (ADR 0022), so
/// every replica opens what another stored.
/// </summary>
internal sealed class ThreatInputProtector(IDataProtectionProvider provider, IOptions<ThreatStorageOptions> options, ILogger<ThreatInputProtector> logger)
    : IThreatInputProtector
{
    public const string Purpose = "InfiniteSecurity.ThreatInput.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public bool KeepsInputs => options.Value.StoreInput == InputStorage.Encrypted;

    public byte[]? Protect(ReadOnlySpan<byte> input)
    {
        try
        {
            return _protector.Protect(input.ToArray());
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The analysis must still be answered and its threat recorded; only the input is not kept. No payload in the log.
            logger.LogWarning("The key ring could not protect a threat input ({Error}); the threat is recorded without it", ex.GetType().Name);
            return null;
        }
    }

    public byte[] Unprotect(byte[] ciphertext)
    {
        try
        {
            return _protector.Unprotect(ciphertext);
        }
        catch (CryptographicException ex)
        {
            logger.LogError("A stored threat input could not be decrypted: its key is not in this instance's key ring");
            throw new ThreatInputUnreadableException(ex);
        }
    }
}

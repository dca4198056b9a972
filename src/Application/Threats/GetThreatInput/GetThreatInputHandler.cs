using System.Text;
using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Audit;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace InfiniteSecurity.Application.Threats.GetThreatInput;

internal sealed class GetThreatInputHandler(IAppDbContext db, IThreatInputProtector protector, ICallerContext caller, TimeProvider time)
    : IRequestHandler<GetThreatInputQuery, ThreatInputView>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ThreatInputView> Handle(GetThreatInputQuery request, CancellationToken cancellationToken)
    {
        var stored = await db.ThreatInputs.AsNoTracking().SingleOrDefaultAsync(i => i.ThreatId == request.ThreatId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            // Asking is audited too: someone looking for inputs that were never kept (or already deleted) is worth seeing.
            await AuditAsync(AuditOutcome.Failure, $"threat={request.ThreatId} result=not_stored").ConfigureAwait(false);
            throw new NotFoundException("Stored input of threat", request.ThreatId);
        }

        byte[] plaintext;
        try
        {
            plaintext = protector.Unprotect(stored.Ciphertext);
        }
        catch (ThreatInputUnreadableException)
        {
            await AuditAsync(AuditOutcome.Failure, $"threat={request.ThreatId} result=undecryptable").ConfigureAwait(false);
            throw;
        }

        // The audit is committed before the input leaves: a read that is not recorded does not happen.
        await AuditAsync(AuditOutcome.Success, $"threat={request.ThreatId} result=read bytes={plaintext.Length}").ConfigureAwait(false);
        var (input, encoding) = Decode(plaintext);
        return new ThreatInputView(stored.ThreatId, input, encoding, stored.ContentType, stored.StoredAt);
    }

    private async Task AuditAsync(AuditOutcome outcome, string details)
    {
        db.Audit(caller, time, AuditEventType.ThreatInputRead, outcome, null, details);

        // Not the caller's token: a read that was decided must be recorded even if the caller hangs up now.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static (string Input, string Encoding) Decode(byte[] plaintext)
    {
        try
        {
            return (StrictUtf8.GetString(plaintext), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(plaintext), "base64");
        }
    }
}

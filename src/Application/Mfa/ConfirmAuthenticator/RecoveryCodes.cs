namespace InfiniteSecurity.Application.Mfa.ConfirmAuthenticator;

/// <summary>Single-use recovery codes, shown once; only their hashes are stored.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

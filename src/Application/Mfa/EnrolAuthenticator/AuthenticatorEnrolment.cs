namespace InfiniteSecurity.Application.Mfa.EnrolAuthenticator;

/// <summary>Shown once: the Base32 secret and the otpauth URI (for a QR code).</summary>
public sealed record AuthenticatorEnrolment(string Secret, string OtpauthUri);

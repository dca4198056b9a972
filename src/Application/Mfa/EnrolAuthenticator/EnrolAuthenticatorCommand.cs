using InfiniteSecurity.Application.Common.Security;
using MediatR;

namespace InfiniteSecurity.Application.Mfa.EnrolAuthenticator;

/// <summary>Start TOTP enrolment: a new secret for the caller's authenticator app. MFA is on only after confirmation.</summary>
[Authorize]
public sealed record EnrolAuthenticatorCommand : IRequest<AuthenticatorEnrolment>;

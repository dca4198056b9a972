using InfiniteSecurity.Application.Auth.ChangePassword;
using InfiniteSecurity.Application.Auth.GetCurrentUser;
using InfiniteSecurity.Application.Auth.ListSessions;
using InfiniteSecurity.Application.Auth.Login;
using InfiniteSecurity.Application.Auth.LoginWithMfa;
using InfiniteSecurity.Application.Auth.Logout;
using InfiniteSecurity.Application.Auth.Refresh;
using InfiniteSecurity.Application.Auth.RevokeSession;
using InfiniteSecurity.Application.Mfa.ConfirmAuthenticator;
using InfiniteSecurity.Application.Mfa.EnrolAuthenticator;
using InfiniteSecurity.Application.Users.Common;
using InfiniteSecurity.WebApi.Contracts.Auth;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>Sign-in with JWT access tokens and rotating refresh tokens, sessions, password and MFA.</summary>
[ApiController]
[Route("api/v1/auth")]
[Produces("application/json")]
public sealed class AuthController(IMediator mediator) : ControllerBase
{
    /// <summary>Sign in with user name and password.</summary>
    /// <remarks>5 failures from one address lock that address out of the name for 15 minutes (423 with Retry-After);
    /// past the name's ceiling of failures from all addresses, an address that failed must wait (429). Unknown names get the same answers.</remarks>
    /// <response code="200">Tokens, or <c>mfa_required</c> with an <c>mfa_token</c> for the second step.</response>
    /// <response code="401">Wrong user name or password.</response>
    /// <response code="423">Locked after too many failures.</response>
    /// <response code="429">Too many sign-in attempts from this address, or this address must wait before trying this name again.</response>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingSetup.SignIn)]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status423Locked, "application/problem+json")]
    public async Task<LoginResponse> Login(LoginRequest request, CancellationToken cancellationToken) =>
        LoginResponse.From(await mediator.Send(new LoginCommand(request.Username, request.Password), cancellationToken));

    /// <summary>Second sign-in step for accounts with MFA: an authenticator code or a recovery code.</summary>
    [HttpPost("login/mfa")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitingSetup.SignIn)]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<TokenResponse> LoginWithMfa(MfaLoginRequest request, CancellationToken cancellationToken) =>
        TokenResponse.From(await mediator.Send(new LoginWithMfaCommand(request.MfaToken, request.Code, request.RecoveryCode), cancellationToken));

    /// <summary>New tokens for a refresh token (rotation). A refresh token used twice ends its whole session family.</summary>
    [HttpPost("refresh")]
    [AllowAnonymous]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    public async Task<TokenResponse> Refresh(RefreshRequest request, CancellationToken cancellationToken) =>
        TokenResponse.From(await mediator.Send(new RefreshTokenCommand(request.RefreshToken), cancellationToken));

    /// <summary>End the current session; its refresh token and access tokens stop working.</summary>
    [HttpPost("logout")]
    [Authorize(Policy = Policies.AnySession)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<NoContentResult> Logout(CancellationToken cancellationToken)
    {
        await mediator.Send(new LogoutCommand(), cancellationToken);
        return NoContent();
    }

    /// <summary>The signed-in user.</summary>
    [HttpGet("me")]
    [Authorize(Policy = Policies.AnySession)]
    [ProducesResponseType<UserSummary>(StatusCodes.Status200OK)]
    public Task<UserSummary> Me(CancellationToken cancellationToken) => mediator.Send(new GetCurrentUserQuery(), cancellationToken);

    /// <summary>Change the password (required first for a generated bootstrap password); all sessions end.</summary>
    [HttpPost("password")]
    [Authorize(Policy = Policies.PasswordChange)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<NoContentResult> ChangePassword(ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new ChangePasswordCommand(request.CurrentPassword, request.NewPassword), cancellationToken);
        return NoContent();
    }

    /// <summary>The signed-in user's active sessions.</summary>
    [HttpGet("sessions")]
    [Authorize(Policy = Policies.SignedInUser)]
    [ProducesResponseType<IReadOnlyList<SessionSummary>>(StatusCodes.Status200OK)]
    public Task<IReadOnlyList<SessionSummary>> Sessions(CancellationToken cancellationToken) => mediator.Send(new ListSessionsQuery(), cancellationToken);

    /// <summary>End one of the signed-in user's sessions.</summary>
    [HttpDelete("sessions/{id:guid}")]
    [Authorize(Policy = Policies.SignedInUser)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<NoContentResult> RevokeSession(Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeSessionCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Start TOTP enrolment: returns the secret and an otpauth URI for the authenticator app.</summary>
    [HttpPost("mfa/enrol")]
    [Authorize(Policy = Policies.MfaEnrolment)]
    [ProducesResponseType<AuthenticatorEnrolment>(StatusCodes.Status200OK)]
    public Task<AuthenticatorEnrolment> EnrolMfa(CancellationToken cancellationToken) => mediator.Send(new EnrolAuthenticatorCommand(), cancellationToken);

    /// <summary>Confirm enrolment with a current code: MFA turns on and recovery codes are returned once.</summary>
    [HttpPost("mfa/confirm")]
    [Authorize(Policy = Policies.MfaEnrolment)]
    [ProducesResponseType<RecoveryCodes>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public Task<RecoveryCodes> ConfirmMfa(MfaConfirmRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new ConfirmAuthenticatorCommand(request.Code), cancellationToken);
}

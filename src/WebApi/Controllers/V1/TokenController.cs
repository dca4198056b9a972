using InfiniteSecurity.Application.Clients.IssueClientToken;
using InfiniteSecurity.WebApi.Contracts.Auth;
using InfiniteSecurity.WebApi.Security;
using MediatR;
using Asp.Versioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace InfiniteSecurity.WebApi.Controllers.V1;

/// <summary>OAuth 2.0 token endpoint for machine clients (RFC 6749 client credentials).</summary>
[ApiController]
[Route("connect/token")]
[ApiVersionNeutral]
[AllowAnonymous]
public sealed class TokenController(IMediator mediator) : ControllerBase
{
    /// <summary>Client credentials grant: form-encoded; client id and secret as form fields or HTTP Basic.</summary>
    /// <response code="200">The access token (Bearer) and granted scope.</response>
    /// <response code="400">invalid_request, unsupported_grant_type or invalid_scope.</response>
    /// <response code="401">invalid_client.</response>
    [HttpPost]
    [EnableRateLimiting(RateLimitingSetup.SignIn)]
    [OAuthFormBody]
    [Produces("application/json")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [ProducesResponseType<OAuthTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<OAuthErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<OAuthErrorResponse>(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> Token([FromForm] ClientCredentialsForm form, CancellationToken cancellationToken)
    {
        var (clientId, secret) = ClientCredentialsReader.Read(Request, form);
        var result = await mediator.Send(new IssueClientTokenCommand(form.GrantType, clientId, secret, form.Scope), cancellationToken);
        return result.Error is null
            ? Ok(new OAuthTokenResponse(result.AccessToken!, "Bearer", result.ExpiresInSeconds, result.Scope!))
            : ClientCredentialsReader.Error(Response, result, usedBasic: Request.Headers.Authorization.Count > 0);
    }
}

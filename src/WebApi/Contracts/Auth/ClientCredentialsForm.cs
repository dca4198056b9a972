using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Contracts.Auth;

/// <summary>RFC 6749 §4.4 token request, form-encoded. Client credentials may instead come as HTTP Basic.</summary>
public sealed class ClientCredentialsForm
{
    /// <summary>Must be <c>client_credentials</c>.</summary>
    [FromForm(Name = "grant_type")]
    public string? GrantType { get; set; }

    [FromForm(Name = "client_id")]
    public string? ClientId { get; set; }

    [FromForm(Name = "client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated subset of the client's scopes; all of them when omitted.</summary>
    [FromForm(Name = "scope")]
    public string? Scope { get; set; }
}

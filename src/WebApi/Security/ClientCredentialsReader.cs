using System.Net.Http.Headers;
using System.Text;
using InfiniteSecurity.Application.Clients.IssueClientToken;
using InfiniteSecurity.WebApi.Contracts.Auth;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>RFC 6749 §2.3.1 client authentication (HTTP Basic or form fields) and §5.2 error responses.</summary>
internal static class ClientCredentialsReader
{
    public static (string? ClientId, string? ClientSecret) Read(HttpRequest request, ClientCredentialsForm form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                // Malformed Basic credentials are treated as missing: invalid_request follows.
            }

            return (null, null);
        }

        return (form.ClientId, form.ClientSecret);
    }

    public static ObjectResult Error(HttpResponse response, ClientTokenResult result, bool usedBasic)
    {
        var status = result.Error == ClientTokenResult.InvalidClient ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status401Unauthorized && usedBasic)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"InfiniteSecurity\"";
        }

        return new ObjectResult(new OAuthErrorResponse(result.Error!, result.ErrorDescription)) { StatusCode = status };
    }
}

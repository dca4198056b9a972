using InfiniteSecurity.Application.Clients.IssueClientToken;
using InfiniteSecurity.WebApi.Contracts.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Filters;

namespace InfiniteSecurity.WebApi.Security;

/// <summary>
/// RFC 6749 §4.4.2: the token request is form-encoded. Any other body is <c>invalid_request</c> (400) in the RFC's
/// error format, not MVC's 415 — a client library reads only the former. Also tells the OpenAPI document the body is a form.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OAuthFormBodyAttribute : Attribute, IResourceFilter, IApiRequestMetadataProvider
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (!context.HttpContext.Request.HasFormContentType)
        {
            context.Result = new ObjectResult(new OAuthErrorResponse(ClientTokenResult.InvalidRequest, "The token request must be application/x-www-form-urlencoded."))
            {
                StatusCode = StatusCodes.Status400BadRequest,
            };
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    public void SetContentTypes(Microsoft.AspNetCore.Mvc.Formatters.MediaTypeCollection contentTypes)
    {
        contentTypes.Clear();
        contentTypes.Add("application/x-www-form-urlencoded");
    }
}

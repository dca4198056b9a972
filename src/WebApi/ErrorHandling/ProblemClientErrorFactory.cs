using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace InfiniteSecurity.WebApi.ErrorHandling;

/// <summary>MVC's empty-bodied client errors (415 from [Consumes], 404, 405, ...) as problem+json whatever the action produces.</summary>
internal sealed class ProblemClientErrorFactory : IClientErrorFactory
{
    public IActionResult GetClientError(ActionContext actionContext, IClientErrorActionResult clientError) =>
        new ProblemResult(new ProblemDetails
        {
            Status = clientError.StatusCode,
            Title = clientError.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : null,
            Detail = clientError.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Send the body as application/json." : null,
        });
}

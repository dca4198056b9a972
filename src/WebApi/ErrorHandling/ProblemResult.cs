using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.ErrorHandling;

/// <summary>
/// An MVC result that writes problem+json itself, so an action's <c>[Produces("application/json")]</c> cannot turn
/// an error into plain <c>application/json</c>.
/// </summary>
internal sealed class ProblemResult(ProblemDetails problem) : IActionResult
{
    public ProblemDetails Problem { get; } = problem;

    public Task ExecuteResultAsync(ActionContext context)
    {
        // Without the endpoint the default problem writer answers, as it does for the exception handler: MVC's own
        // writer would drop the "errors" of a validation problem and obey [Produces].
        context.HttpContext.SetEndpoint(null);
        return Problems.WriteAsync(context.HttpContext, Problem);
    }
}

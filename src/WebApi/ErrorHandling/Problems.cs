using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.ErrorHandling;

/// <summary>Writes RFC 9457 problem+json through the one <see cref="IProblemDetailsService"/>, and names a <c>type</c> for every status.</summary>
internal static class Problems
{
    private static readonly Dictionary<int, string> Types = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        [StatusCodes.Status414UriTooLong] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.15",
        [StatusCodes.Status423Locked] = "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
        [StatusCodes.Status429TooManyRequests] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        [StatusCodes.Status431RequestHeaderFieldsTooLarge] = "https://www.rfc-editor.org/rfc/rfc6585#section-5",
    };

    /// <summary>The RFC section for statuses ASP.NET Core has no default type for; <c>about:blank</c> (RFC 9457 §4.2.1) otherwise.</summary>
    public static string TypeFor(int? status) => status is { } s && Types.TryGetValue(s, out var type) ? type : "about:blank";

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail) =>
        WriteAsync(context, new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

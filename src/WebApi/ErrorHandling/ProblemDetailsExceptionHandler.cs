using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace InfiniteSecurity.WebApi.ErrorHandling;

/// <summary>
/// The one place exceptions become HTTP answers (RFC 9457): validation → 400, bad credentials → 401 (one answer for every cause), forbidden → 403,
/// not found → 404, expired stream cursor → 410, a stored input no key opens → 500 saying so, domain rule → 409, locked → 423 with Retry-After, overload → 503 with Retry-After,
/// Kestrel's own refusals (body too large, bad request) → their status, anything else → 500 without internals
/// outside Development.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, IHostEnvironment environment) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException validation => new ValidationProblemDetails(validation.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
            CursorExpiredException expired => new ProblemDetails { Status = StatusCodes.Status410Gone, Title = "Cursor expired", Detail = expired.Message },
            UnauthorizedAccessException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Unauthorized" },
            InvalidCredentialsException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Invalid credentials" },
            AccountLockedException => new ProblemDetails
            {
                Status = StatusCodes.Status423Locked,
                Title = "Account locked",
                Detail = "Too many failed sign-ins. Try again later or ask an admin to unlock the account.",
            },
            SignInThrottledException => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many failed sign-ins for this name; wait before trying again.",
            },
            ForbiddenAccessException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message },
            WriteConflictException or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed concurrently",
                Detail = "Someone else changed this at the same time; read it again and retry.",
            },
            ThreatInputUnreadableException => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Stored input cannot be decrypted",
                Detail = "The key that protected this input is not in this instance's key ring (lost, or not shared with the instance that stored it). The threat itself is intact.",
            },
            DomainException domain => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict with a business rule", Detail = domain.Message },
            ServiceOverloadedException overloaded => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service temporarily overloaded",
                Detail = $"{overloaded.Message} Retry after {(int)Math.Ceiling(overloaded.RetryAfter.TotalSeconds)} s.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The request body exceeds the limit of {httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes (Api:MaxRequestBodyBytes).",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : null,
            },
        };

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var retryAfter = exception switch
        {
            AccountLockedException locked => locked.RetryAfter,
            SignInThrottledException throttled => throttled.RetryAfter,
            ServiceOverloadedException overloaded => overloaded.RetryAfter,
            _ => (TimeSpan?)null,
        };
        if (retryAfter is { } wait)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}

using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>Logs exceptions that are not an expected outcome (validation, not found, domain rule) and rethrows them.</summary>
internal sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not (RequestValidationException or NotFoundException or DomainException or OperationCanceledException
            or ServiceOverloadedException or InvalidCredentialsException or AccountLockedException or ForbiddenAccessException or UnauthorizedAccessException))
        {
            logger.LogError(ex, "Unhandled exception in {RequestName}", typeof(TRequest).Name);
            throw;
        }
    }
}

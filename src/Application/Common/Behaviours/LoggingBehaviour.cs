using InfiniteSecurity.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>Logs each request by name. Never the request itself: for sensitive ones only a hash and a length.</summary>
internal sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            if (request is ISensitiveRequest sensitive)
            {
                logger.LogInformation("Handling {RequestName} input {InputSha256Prefix} length {InputLength}",
                    typeof(TRequest).Name, sensitive.Fingerprint.Sha256[..16], sensitive.Fingerprint.Length);
            }
            else
            {
                logger.LogInformation("Handling {RequestName}", typeof(TRequest).Name);
            }
        }

        return next();
    }
}

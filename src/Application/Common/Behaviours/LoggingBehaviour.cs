using InfiniteSecurity.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>
/// Logs each request by name at Debug: one line per analysis would cost more than the analysis at gateway rates, and
/// threats are audited anyway. Never the request itself: for sensitive ones only a hash and a length.
/// </summary>
internal sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            if (request is ISensitiveRequest sensitive)
            {
                logger.LogDebug("Handling {RequestName} input {InputSha256Prefix} length {InputLength}",
                    typeof(TRequest).Name, sensitive.Fingerprint.Sha256[..16], sensitive.Fingerprint.Length);
            }
            else
            {
                logger.LogDebug("Handling {RequestName}", typeof(TRequest).Name);
            }
        }

        return next();
    }
}

using System.Diagnostics;
using InfiniteSecurity.Application.Common.Options;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.Common.Behaviours;

/// <summary>Warns about requests slower than <see cref="DetectionOptions.SlowRequestWarningMilliseconds"/>.</summary>
internal sealed class PerformanceBehaviour<TRequest, TResponse>(
    ILogger<PerformanceBehaviour<TRequest, TResponse>> logger,
    IOptions<DetectionOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next().ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds > options.Value.SlowRequestWarningMilliseconds)
        {
            logger.LogWarning("Slow request {RequestName} took {ElapsedMilliseconds} ms", typeof(TRequest).Name, (long)elapsed.TotalMilliseconds);
        }

        return response;
    }
}

using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Application.Common.Telemetry;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InfiniteSecurity.WebApi.Security;

internal static class RateLimitingSetup
{
    /// <summary>
    /// The named policy the sign-in actions carry (<c>[EnableRateLimiting(RateLimitingSetup.SignIn)]</c>). Matched on
    /// the endpoint, never on the path text, so <c>/login/</c>, <c>/LOGIN</c> or any other spelling that routes to the
    /// action meets the same limit.
    /// </summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// The named policy of the nginx gate: one gateway answers for every site behind it, so it gets its own bucket per
    /// client (<c>RateLimiting:GatePermitsPerSecond</c>) instead of the API's per-minute allowance. Matched on the
    /// endpoint like <see cref="SignIn"/>.
    /// </summary>
    public const string Gate = "gate";

    /// <summary>
    /// Sign-in endpoints get a fixed window per IP (their named policy); the rest of the API a token bucket per
    /// client (burst, then the sustained rate) as the global limiter. Rejections are 429 problem+json with Retry-After.
    /// </summary>
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        if (options.LoginPermitsPerMinute <= 0 || options.PermitsPerMinute <= 0 || options.Burst <= 0 || options.GatePermitsPerSecond <= 0)
        {
            throw new InvalidOperationException("RateLimiting:LoginPermitsPerMinute, PermitsPerMinute, Burst and GatePermitsPerSecond must be positive.");
        }

        if (options.MachineClients.PermitsPerSecond <= 0 || options.MachineClients.Burst <= 0)
        {
            throw new InvalidOperationException("RateLimiting:MachineClients:PermitsPerSecond and Burst must be positive.");
        }

        // One instance for the middleware and for ApiPermits, so extra permits come out of the same buckets.
        var api = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, options));
        services.AddSingleton(new ApiPermits(api, options.Enabled, http => BucketSize(http, options)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejectionAsync;
            o.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter("login:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.LoginPermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.AddPolicy(Gate, http => RateLimitPartition.GetTokenBucketLimiter("gate:" + ClientOf(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.GatePermitsPerSecond,
                TokensPerPeriod = options.GatePermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            }));
            o.GlobalLimiter = api;
        });
        return services;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>()?.Enabled ?? true;

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitingOptions options)
    {
        var path = http.Request.Path;
        if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is SignIn or Gate)
        {
            // Limited by their own policy; counting them against the caller's API bucket as well would only confuse.
            return RateLimitPartition.GetNoLimiter("own-policy");
        }

        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/connect"))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        if (http.User.FindFirst(ClaimNames.ClientId)?.Value is { } clientId)
        {
            // The quota is part of the partition key, so a changed quota starts a bucket of the new size at once.
            var perSecond = OwnQuota(http, clientId) ?? options.MachineClients.PermitsPerSecond;
            return RateLimitPartition.GetTokenBucketLimiter(string.Create(CultureInfo.InvariantCulture, $"machine:{clientId}:{perSecond}"), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = BucketSize(http, options),
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                AutoReplenishment = true,
                QueueLimit = 0,
            });
        }

        return RateLimitPartition.GetTokenBucketLimiter("api:" + ClientOf(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.PermitsPerMinute,
            AutoReplenishment = true,
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// How many permits the caller's API bucket holds when full: for a machine client with its own quota, one second of
    /// it; otherwise the configured burst.
    /// </summary>
    private static int BucketSize(HttpContext http, RateLimitingOptions options)
    {
        if (http.User.FindFirst(ClaimNames.ClientId)?.Value is not { } clientId)
        {
            return options.Burst;
        }

        return OwnQuota(http, clientId) ?? options.MachineClients.Burst ?? options.MachineClients.PermitsPerSecond;
    }

    private static int? OwnQuota(HttpContext http, string clientId) =>
        http.RequestServices.GetService<IClientQuotas>()?.RequestsPerSecond(clientId);

    private static string ClientOf(HttpContext http) =>
        http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value is { } sub ? "sub:" + sub : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "api";
        ServiceTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Rate limit reached; retry after {seconds} seconds.",
            },
        });
    }
}

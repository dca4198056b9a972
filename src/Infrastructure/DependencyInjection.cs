using System.Text;
using InfiniteSecurity.Application.Callbacks;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Infrastructure.Callbacks;
using InfiniteSecurity.Application.Siem.Common;
using InfiniteSecurity.Domain.Users;
using InfiniteSecurity.Infrastructure.Detection;
using InfiniteSecurity.Infrastructure.Identity;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Inputs;
using InfiniteSecurity.Infrastructure.Persistence.Retention;
using InfiniteSecurity.Infrastructure.Persistence.Writing;
using InfiniteSecurity.Infrastructure.Siem;
using InfiniteSecurity.Infrastructure.Siem.Forwarding;
using InfiniteSecurity.Infrastructure.Statistics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace InfiniteSecurity.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        services.AddDbContext<AppDbContext>(options =>
        {
            switch (database.Provider)
            {
                case DatabaseProvider.Postgres:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.");
                    }

                    // Few, short retries: a write that cannot commit soon is better spooled than held (see GroupCommitWriter).
                    options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3, TimeSpan.FromSeconds(2), null));
                    break;
                default:
                    options.UseSqlite(SqliteConnectionString(connectionString, environment.ContentRootPath))
                        .AddInterceptors(new SqlitePragmaInterceptor());
                    break;
            }

            // Migrations are hand-written without a model snapshot (no EF Design tooling here); the schema test
            // compares the migrated database with the model instead (docs/decisions/0003).
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());

        AddWritePath(services, configuration, environment);
        services.AddOptions<ThreatStorageOptions>().Bind(configuration.GetSection(ThreatStorageOptions.SectionName));
        services.AddSingleton<IThreatInputProtector, ThreatInputProtector>();

        services.AddOptions<BehaviourOptions>().Bind(configuration.GetSection(BehaviourOptions.SectionName))
            .Validate(o => o.WindowMinutes is > 0 and <= 1440 && o.MaxTrackedSources > 0, "Detection:Behaviour values out of range.")
            .ValidateOnStart();
        services.AddSingleton<IThreatHistory, SlidingWindowThreatHistory>();

        services.AddOptions<ExclusionRefreshOptions>().Bind(configuration.GetSection(ExclusionRefreshOptions.SectionName))
            .Validate(o => o.RefreshSeconds is >= 0.1 and <= 300, "Detection:Exclusions:RefreshSeconds must be between 0.1 and 300.")
            .ValidateOnStart();
        services.AddSingleton<DetectionExclusionCache>();
        services.AddSingleton<IDetectionExclusions>(sp => sp.GetRequiredService<DetectionExclusionCache>());
        services.AddHostedService(sp => sp.GetRequiredService<DetectionExclusionCache>());

        services.AddOptions<RuleWeightRefreshOptions>().Bind(configuration.GetSection(RuleWeightRefreshOptions.SectionName))
            .Validate(o => o.RefreshSeconds is >= 0.1 and <= 300, "Detection:RuleWeights:RefreshSeconds must be between 0.1 and 300.")
            .ValidateOnStart();
        services.AddSingleton<RuleWeightCache>();
        services.AddSingleton<ITunedRuleWeights>(sp => sp.GetRequiredService<RuleWeightCache>());
        services.AddHostedService(sp => sp.GetRequiredService<RuleWeightCache>());
        services.AddScoped<IRuleFeedbackLedger, RuleFeedbackLedger>();

        services.AddSingleton<ClientQuotaCache>();
        services.AddSingleton<IClientQuotas>(sp => sp.GetRequiredService<ClientQuotaCache>());
        services.AddHostedService(sp => sp.GetRequiredService<ClientQuotaCache>());

        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days > 0 && o.BatchSize > 0 && o.IntervalMinutes > 0 && o.InputDays is null or > 0, "Retention values must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());

        AddSiem(services, configuration);
        AddCallbacks(services, configuration);
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.SectionName))
            .Validate(o => o.FlushIntervalMilliseconds is >= 100 and <= 60_000, "Statistics:FlushIntervalMilliseconds must be between 100 and 60,000.")
            .ValidateOnStart();
        services.AddSingleton<RequestCounterFlusher>();
        services.AddSingleton<IRequestCounter>(sp => sp.GetRequiredService<RequestCounterFlusher>());
        services.AddHostedService(sp => sp.GetRequiredService<RequestCounterFlusher>());

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<SpoolHealthCheck>("spool", tags: ["ready"])
            .AddCheck<ForwarderHealthCheck>("siem_forwarders", tags: ["ready"]);
        services.AddIdentityServices(configuration, environment);
        return services;
    }

    private static void AddSiem(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ISecurityEventStream, SecurityEventStream>();
        services.AddOptions<SiemOptions>().Bind(configuration.GetSection(SiemOptions.SectionName))
            .Validate(o => o.Forwarders.All(f => !string.IsNullOrWhiteSpace(f.Name) && f.Name.Length <= 64), "Every Siem:Forwarders entry needs a Name of at most 64 characters.")
            .Validate(o => o.Forwarders.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() == o.Forwarders.Count, "Siem:Forwarders names must be unique.")
            .Validate(o => o.Forwarders.All(f => f.Kind == ForwarderKind.Syslog || f.Url is not null), "An HTTP Siem forwarder needs a Url.")
            .Validate(o => o.Forwarders.All(f => f.BatchSize is >= 1 and <= 1000 && f.PollMilliseconds >= 10), "Siem forwarder BatchSize is 1-1000, PollMilliseconds at least 10.")
            .ValidateOnStart();
        services.AddSingleton<ForwarderStatus>();
        services.AddHttpClient(HttpSink.ClientName).AddStandardResilienceHandler();
        services.AddHostedService<SecurityEventForwarder>();
    }

    private static void AddCallbacks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CallbackOptions>().Bind(configuration.GetSection(CallbackOptions.SectionName))
            .Validate(o => !o.Enabled || Encoding.UTF8.GetByteCount(o.SigningKey ?? string.Empty) >= 32, "Callbacks:SigningKey must be at least 32 bytes when Callbacks:Enabled is true.")
            .Validate(o => CallbackAddresses.TryParseNetworks(o.AllowedNetworks, out _, out _), "Callbacks:AllowedNetworks must be CIDR networks such as 10.20.0.0/16.")
            .Validate(o => o.QueueCapacity is >= 1 and <= 100_000 && o.MaxAttempts is >= 1 and <= 10 && o.RetryDelayMilliseconds is >= 1 and <= 60_000 && o.AttemptTimeoutSeconds is >= 1 and <= 120,
                "Callbacks: QueueCapacity 1-100,000, MaxAttempts 1-10, RetryDelayMilliseconds 1-60,000, AttemptTimeoutSeconds 1-120.")
            .ValidateOnStart();
        services.AddSingleton<CallbackLedger>();
        services.AddSingleton<CallbackSender>();
        services.AddSingleton<ICallbackQueue>(sp => sp.GetRequiredService<CallbackSender>());
        services.AddHostedService(sp => sp.GetRequiredService<CallbackSender>());

        // No proxy (it would connect for us, past the address check), no redirects (a 3xx could point anywhere), and
        // every connection made by the connector that checks the resolved addresses. The factory's request
        // logging would write the callback URL, whose path or query may carry the receiver's token: the sender logs the
        // host and the outcome itself.
        services.AddHttpClient(CallbackSender.ClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                CallbackAddresses.TryParseNetworks(sp.GetRequiredService<IOptions<CallbackOptions>>().Value.AllowedNetworks, out var networks, out _);
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    ConnectCallback = new CallbackConnector(networks).ConnectAsync,
                };
            })
            .AddResilienceHandler("callbacks", (pipeline, context) =>
            {
                var callbacks = context.ServiceProvider.GetRequiredService<IOptions<CallbackOptions>>().Value;
                var attempt = TimeSpan.FromSeconds(callbacks.AttemptTimeoutSeconds);
                var delay = TimeSpan.FromMilliseconds(callbacks.RetryDelayMilliseconds);
                pipeline.AddTimeout(attempt * callbacks.MaxAttempts + delay * Math.Pow(2, callbacks.MaxAttempts));
                if (callbacks.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = callbacks.MaxAttempts - 1,
                        Delay = delay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,

                        // A refused address stays refused: retrying it only knocks on the same door.
                        ShouldHandle = args => args.Outcome.Exception?.InnerException is CallbackRefusedException
                            ? PredicateResult.False()
                            : HttpClientResiliencePredicates.IsTransient(args.Outcome) ? PredicateResult.True() : PredicateResult.False(),
                    });
                }

                pipeline.AddTimeout(attempt);
            });
    }

    private static void AddWritePath(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PersistenceOptions.SectionName);
        services.AddOptions<PersistenceOptions>().Bind(section)
            .Validate(o => o.QueueCapacity > 0 && o.MaxBatchSize > 0 && o.ReplayIntervalMilliseconds > 0, "Persistence sizes and intervals must be positive.")
            .Validate(o => o.AggregationWindowSeconds is >= 0 and <= 86_400, "Persistence:AggregationWindowSeconds must be 0 (off) to 86,400.")
            .ValidateOnStart();
        var options = section.Get<PersistenceOptions>() ?? new PersistenceOptions();

        var spoolDirectory = Path.IsPathRooted(options.SpoolDirectory) ? options.SpoolDirectory : Path.Combine(environment.ContentRootPath, options.SpoolDirectory);
        services.AddSingleton(sp => new DiskSpool(spoolDirectory, sp.GetRequiredService<ILogger<DiskSpool>>()));
        services.AddSingleton<SpoolReplayer>();
        services.AddHostedService(sp => sp.GetRequiredService<SpoolReplayer>());

        if (options.WriteMode == WriteMode.Direct)
        {
            services.AddScoped<ISecurityEventWriter, DirectWriter>();
        }
        else
        {
            services.AddSingleton<GroupCommitWriter>();
            services.AddSingleton<ISecurityEventWriter>(sp => sp.GetRequiredService<GroupCommitWriter>());
            services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        }
    }

    /// <summary>
    /// Identity on the domain user (docs/decisions/0008): Identity's PBKDF2 hasher at HMAC-SHA512 / 220,000 iterations
    /// (OWASP 2026; older hashes are upgraded at login), its authenticator token provider over <see cref="UserStore"/>,
    /// the JWT key and token service, and Data Protection for the TOTP secrets at rest.
    /// </summary>
    private static void AddIdentityServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = DataDirectory(configuration, environment);
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.SectionName));
        var jwt = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();

        // Loaded while the host is built, so a Production start without a key fails before it listens.
        services.AddSingleton(JwtSigningKey.Load(jwt, environment, dataDirectory));
        services.AddScoped<ITokenService, TokenService>();

        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = PasswordHashIterations;
        });
        services.AddIdentityCore<User>()
            .AddUserStore<UserStore>()
            .AddTokenProvider<AuthenticatorTokenProvider<User>>(TokenOptions.DefaultAuthenticatorProvider);

        services.AddDatabaseKeyRing(configuration, environment, dataDirectory);

        services.AddMemoryCache();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<IAccessTokenRevocation, AccessTokenRevocation>();
        services.AddScoped<IIdentityService, IdentityService>();
    }

    /// <summary>PBKDF2-HMAC-SHA512 iterations (OWASP Password Storage Cheat Sheet, 2026: at least 220,000 for SHA-512 per the issue).</summary>
    public const int PasswordHashIterations = 220_000;

    /// <summary>Where generated development secrets live: <c>data/</c> under the content root, beside the SQLite file (git-ignored).</summary>
    private static string DataDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["DataDirectory"] is { Length: > 0 } configured ? configured : Path.Combine(environment.ContentRootPath, "data");

    /// <summary>The zero-configuration default is a file under <c>data/</c> beside the content root.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/infinitesecurity.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}

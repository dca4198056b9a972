using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Infrastructure.Detection;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.Infrastructure.Persistence.Retention;
using InfiniteSecurity.Infrastructure.Persistence.Writing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

        services.AddOptions<BehaviourOptions>().Bind(configuration.GetSection(BehaviourOptions.SectionName))
            .Validate(o => o.WindowMinutes is > 0 and <= 1440 && o.MaxTrackedSources > 0, "Detection:Behaviour values out of range.")
            .ValidateOnStart();
        services.AddSingleton<IThreatHistory, SlidingWindowThreatHistory>();

        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days > 0 && o.BatchSize > 0 && o.IntervalMinutes > 0, "Retention values must be positive.")
            .ValidateOnStart();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());

        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<SpoolHealthCheck>("spool", tags: ["ready"]);
        return services;
    }

    private static void AddWritePath(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PersistenceOptions.SectionName);
        services.AddOptions<PersistenceOptions>().Bind(section)
            .Validate(o => o.QueueCapacity > 0 && o.MaxBatchSize > 0 && o.ReplayIntervalMilliseconds > 0, "Persistence sizes and intervals must be positive.")
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

using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Domain.Users;
using InfiniteSecurity.Infrastructure.Identity;
using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

                    options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure());
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

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        services.AddIdentityServices(configuration, environment);
        return services;
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

        var keys = configuration["DataProtection:KeysDirectory"];
        services.AddDataProtection()
            .SetApplicationName("InfiniteSecurity")
            .PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrWhiteSpace(keys) ? Path.Combine(dataDirectory, "keys") : keys));

        services.AddMemoryCache();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddSingleton<IUnknownLoginNames, UnknownLoginNames>();
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

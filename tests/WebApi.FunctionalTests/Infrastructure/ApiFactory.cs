using InfiniteSecurity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Hosts the real service on Kestrel on a free loopback port (real HTTP, real limits), with its own database —
/// a SQLite file or a new database on the throwaway PostgreSQL — so that every test class starts empty.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "infsec-tests", Guid.NewGuid().ToString("N"));
    private ThrowawayPostgres? _postgres;
    private string? _connectionString;

    public ApiFactory()
    {
        UseKestrel(0);

        // Each factory has its own signing key, admin password and key store; rate limiting is off unless a test
        // class turns it on, so unrelated tests never meet a 429.
        Settings["Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        Settings["Bootstrap:AdminUsername"] = AdminUsername;
        Settings["Bootstrap:AdminPassword"] = AdminPassword;
        Settings["RateLimiting:Enabled"] = "false";
        Settings["DataDirectory"] = _directory;
    }

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public string AdminUsername => "admin";

    /// <summary>Long enough for the Production policy, and not on the common-password list.</summary>
    public string AdminPassword { get; } = "admin-test-" + Guid.NewGuid().ToString("N")[..16];

    public string EnvironmentName { get; init; } = "Development";

    public Dictionary<string, string?> Settings { get; } = [];

    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Another factory's database, to run a second instance (or a restart) against the same data; not dropped on dispose.</summary>
    public string? SharedConnectionString { get; init; }

    /// <summary>Trust X-Forwarded-For from the loopback test client, so a test can present any source address.</summary>
    public ApiFactory TrustingForwardedFor()
    {
        Settings["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        Settings["ForwardedHeaders:KnownProxies:1"] = "::1";
        return this;
    }

    /// <summary>
    /// The connection string of this factory's own database. PostgreSQL needs <see cref="StartAsync"/> (the database is
    /// created asynchronously); SQLite also works with a plain <c>StartServer()</c>.
    /// </summary>
    public string ConnectionString => _connectionString ??= SharedConnectionString ?? (Provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(_directory, "test.db")}"
        : throw new InvalidOperationException("A PostgreSQL factory is started with StartAsync."));

    public string SpoolDirectory => Path.Combine(_directory, "spool");

    /// <summary>Creates this factory's database and starts the server.</summary>
    public async Task<ApiFactory> StartAsync()
    {
        Directory.CreateDirectory(_directory);
        if (Provider == DatabaseProvider.Postgres && SharedConnectionString is null)
        {
            _postgres = await TestDatabase.PostgresAsync();
            _connectionString = await _postgres.CreateDatabaseAsync();
        }

        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Persistence:SpoolDirectory", SpoolDirectory);
        if (EnvironmentName == "Production" && !Settings.ContainsKey("DataProtection:CertificatePath"))
        {
            // Production encrypts its key ring with a certificate, as a deployment provides one; a test that is about
            // the missing certificate sets the key itself (to empty).
            var (path, password) = KeyRingCertificate.Write(_directory);
            builder.UseSetting("DataProtection:CertificatePath", path);
            builder.UseSetting("DataProtection:CertificatePassword", password);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureServices is not null)
        {
            builder.ConfigureTestServices(ConfigureServices);
        }
    }

    /// <summary>Runs a query against the service's own database, as a separate scope would.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null && _connectionString is not null)
        {
            await _postgres.DropDatabaseAsync(_connectionString);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing connection is left in the temp folder; it is not a test failure.
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// What Testcontainers would give us, from Debian's PostgreSQL binaries (docs/decisions/0004): a fresh cluster in a
/// temporary directory, on a free loopback port, with a random password, run as a non-root user and deleted afterwards.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;
    private readonly int _port;
    private readonly string _password;

    private ThrowawayPostgres(string bin, string directory, int port, string password)
    {
        _bin = bin;
        _directory = directory;
        _port = port;
        _password = password;
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Password = _password,
            Database = database,
            Timeout = 5,
        }.ConnectionString;

    /// <summary>Finds Debian's PostgreSQL binaries, or null with the reason.</summary>
    public static string? FindBinaries(out string reason)
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        reason = bin is null ? "PostgreSQL binaries not found under /usr/lib/postgresql (install Debian's 'postgresql' package)" : string.Empty;
        return bin;
    }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBinaries(out var reason) ?? throw new InvalidOperationException(reason);
        var directory = Path.Combine(Path.GetTempPath(), $"infsec-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var pwfile = Path.Combine(directory, "pwfile");
        await File.WriteAllTextAsync(pwfile, password);
        if (IsRoot)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the 'postgres' user.
            await RunAsync("chown", ["-R", "postgres:postgres", directory], asPostgres: false);
        }

        var pg = new ThrowawayPostgres(bin, directory, TestEnvironment.FreePort(), password);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", pg.DataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], IsRoot);
        File.Delete(pwfile);
        await pg.StartAgainAsync();
        return pg;
    }

    /// <summary>Starts the (stopped) server again, on the same port and data.</summary>
    public Task StartAgainAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"),
        ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
         "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=300", "start"], IsRoot);

    /// <summary>Stops the server (fast shutdown: clients are disconnected, as in an outage).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-w", "-m", "fast", "stop"], IsRoot);

    /// <summary>A new, empty database on this server, for one test class.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-w", "-m", "immediate", "stop"], IsRoot);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// The built service run as its own OS process (what production runs), so a test can kill it the hard way
/// (SIGKILL: no shutdown hooks, no flush) and start it again on the same database.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _workingDirectory;
    private Process? _process;

    public ServiceProcess(DatabaseProvider provider, string connectionString, string workingDirectory)
    {
        _workingDirectory = workingDirectory;
        Directory.CreateDirectory(workingDirectory);
        Port = TestEnvironment.FreePort();
        _environment = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Default"] = connectionString,
            ["Persistence__SpoolDirectory"] = Path.Combine(workingDirectory, "spool"),
            ["Logging__LogLevel__Default"] = "Warning",
            // Load tests: no rate limits; a known admin and a signing key of the test's own (never a default).
            ["RateLimiting__Enabled"] = "false",
            ["Bootstrap__AdminUsername"] = "admin",
            ["Bootstrap__AdminPassword"] = AdminPassword,
            ["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["DataDirectory"] = Path.Combine(workingDirectory, "data"),
        };
    }

    /// <summary>The last lines the process wrote, for the failure message when it dies.</summary>
    private readonly Queue<string> _output = new();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private string AdminPassword { get; } = "admin-test-" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A client signed in as the bootstrap admin, over HTTP like any client.</summary>
    public async Task<HttpClient> CreateClientAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        var response = await client.PostAsJsonAsync("api/v1/auth/login", new { username = "admin", password = AdminPassword });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"login failed: {(int)response.StatusCode} {body}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(body)!["access_token"]!.GetValue<string>());
        return client;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string SpoolDirectory => _environment["Persistence__SpoolDirectory"];

    /// <summary>Sets (before <see cref="StartAsync"/>) a setting as an environment variable, e.g. <c>Metrics__Port</c>.</summary>
    public ServiceProcess With(string key, string value)
    {
        _environment[key] = value;
        return this;
    }

    public async Task StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "InfiniteSecurity.WebApi.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited at start with code {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                if ((await probe.GetAsync("health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become live within 60 s.");
    }

    /// <summary>SIGKILL: the process gets no chance to flush, drain queues or run shutdown code.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}

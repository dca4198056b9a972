using System.Diagnostics;
using System.Net.Sockets;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's nginx run as a child process on free loopback ports with deploy/nginx/infinitesecurity-gate.conf,
/// rendered for the test: the application upstream is a static nginx server that logs every request it receives,
/// the service address and the token include point where the test says, and the fail mode is the test's choice.
/// </summary>
public sealed class NginxGateway : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "infsec-nginx", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private NginxGateway()
    {
    }

    /// <summary>Where clients talk to nginx.</summary>
    public Uri Address { get; private set; } = null!;

    private string UpstreamLog => Path.Combine(_directory, "logs", "upstream.log");

    /// <summary>Fails (CI) or ignores (elsewhere) the test when nginx is not installed.</summary>
    public static void Require()
    {
        if (!File.Exists(Binary))
        {
            TestEnvironment.Missing($"nginx not found at {Binary} (install Debian's 'nginx' package)");
        }
    }

    /// <param name="servicePort">Loopback port of the InfiniteSecurity service (or of nothing, for an outage).</param>
    /// <param name="token">The machine client's access token nginx sends to the gate.</param>
    /// <param name="failOpen">Gate:FailMode Open instead of the shipped Closed.</param>
    public static async Task<NginxGateway> StartAsync(int servicePort, string token, bool failOpen)
    {
        Require();
        var nginx = new NginxGateway();
        await nginx.StartCoreAsync(servicePort, token, failOpen);
        return nginx;
    }

    /// <summary>The request lines ("METHOD URI") the application upstream received.</summary>
    public async Task<IReadOnlyList<string>> UpstreamRequestsAsync() =>
        File.Exists(UpstreamLog) ? await File.ReadAllLinesAsync(UpstreamLog) : [];

    private async Task StartCoreAsync(int servicePort, string token, bool failOpen)
    {
        foreach (var sub in new[] { "conf", "logs", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, sub));
        }

        var gatePort = TestEnvironment.FreePort();
        var appPort = TestEnvironment.FreePort();
        var tokenFile = Path.Combine(_directory, "conf", "gate-token.conf");
        await File.WriteAllTextAsync(tokenFile, $"proxy_set_header Authorization \"Bearer {token}\";\n");

        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx", "infinitesecurity-gate.conf"));
        var gate = Render(shipped, new()
        {
            ["server 127.0.0.1:8080;"] = $"server 127.0.0.1:{appPort};",
            ["server 127.0.0.1:8000;"] = $"server 127.0.0.1:{servicePort};",
            ["listen 80;"] = $"listen 127.0.0.1:{gatePort};",
            ["include /etc/nginx/infinitesecurity/gate-token.conf;"] = $"include {tokenFile};",
            ["error_page 401 429 500 502 503 504 = @infsec_gate_closed;"] = failOpen
                ? "error_page 401 429 500 502 503 504 = @infsec_gate_open;"
                : "error_page 401 429 500 502 503 504 = @infsec_gate_closed;",
        });
        await File.WriteAllTextAsync(Path.Combine(_directory, "conf", "infinitesecurity-gate.conf"), gate);

        var tmp = Path.Combine(_directory, "tmp");
        await File.WriteAllTextAsync(Path.Combine(_directory, "conf", "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{_directory}}/logs/error.log info;
            pid {{_directory}}/nginx.pid;
            events { worker_connections 128; }
            http {
                access_log {{_directory}}/logs/access.log;
                client_body_temp_path {{tmp}}/body;
                proxy_temp_path {{tmp}}/proxy;
                fastcgi_temp_path {{tmp}}/fastcgi;
                uwsgi_temp_path {{tmp}}/uwsgi;
                scgi_temp_path {{tmp}}/scgi;
                log_format upstream_requests '$request_method $request_uri';

                # The application behind the gate: answers 200 and logs every request that reaches it.
                server {
                    listen 127.0.0.1:{{appPort}};
                    access_log {{UpstreamLog}} upstream_requests;
                    location / { default_type text/plain; return 200 "upstream ok\n"; }
                }

                include {{_directory}}/conf/infinitesecurity-gate.conf;
            }
            """);

        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", _directory, "-c", Path.Combine(_directory, "conf", "nginx.conf"), "-g", "daemon off;" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        Address = new Uri($"http://127.0.0.1:{gatePort}");
        await WaitForPortAsync(gatePort);
    }

    private async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_process!.HasExited)
            {
                var log = Path.Combine(_directory, "logs", "error.log");
                Assert.Fail($"nginx exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()} {(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Replaces each line of the shipped file; a line that is no longer there fails the test, never silently.</summary>
    private static string Render(string shipped, Dictionary<string, string> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            Assert.That(shipped, Does.Contain(from), $"deploy/nginx/infinitesecurity-gate.conf no longer contains '{from}'");
            shipped = shipped.Replace(from, to, StringComparison.Ordinal);
        }

        return shipped;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InfiniteSecurity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root (InfiniteSecurity.sln) not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // Only the master this test started; it takes its worker with it.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still being written by a finishing worker; the temp folder is not a test failure.
        }
    }
}

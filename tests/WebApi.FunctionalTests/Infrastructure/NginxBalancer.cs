using System.Diagnostics;
using System.Net.Sockets;

namespace InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;

/// <summary>
/// Debian's nginx as a plain reverse proxy with one upstream of several service replicas (round robin), as a
/// deployment puts them behind a load balancer. Every answer carries <c>X-Served-By</c> (the replica's address), so a
/// test can show its requests really were spread. POSTs are never retried on another replica.
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "infsec-nginx", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private NginxBalancer()
    {
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<NginxBalancer> StartAsync(params int[] servicePorts)
    {
        NginxGateway.Require();
        var nginx = new NginxBalancer();
        await nginx.StartCoreAsync(servicePorts);
        return nginx;
    }

    private async Task StartCoreAsync(int[] servicePorts)
    {
        foreach (var sub in new[] { "conf", "logs", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, sub));
        }

        var port = TestEnvironment.FreePort();
        var tmp = Path.Combine(_directory, "tmp");
        var servers = string.Join("\n", servicePorts.Select(p => $"        server 127.0.0.1:{p};"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "conf", "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{_directory}}/logs/error.log warn;
            pid {{_directory}}/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{tmp}}/body;
                proxy_temp_path {{tmp}}/proxy;
                fastcgi_temp_path {{tmp}}/fastcgi;
                uwsgi_temp_path {{tmp}}/uwsgi;
                scgi_temp_path {{tmp}}/scgi;
                upstream infinitesecurity {
            {{servers}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://infinitesecurity;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_next_upstream off;
                        add_header X-Served-By $upstream_addr always;
                    }
                }
            }
            """);

        var start = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", _directory, "-c", Path.Combine(_directory, "conf", "nginx.conf"), "-g", "daemon off;" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        Address = new Uri($"http://127.0.0.1:{port}/");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"nginx exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}");
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
            // A log still being written is left in the temp folder.
        }
    }
}

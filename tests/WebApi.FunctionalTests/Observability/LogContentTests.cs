using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.WebApi.FunctionalTests.Observability;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class LogContentTests(DatabaseProvider provider) : ServiceFixture(provider)
{
    private readonly CapturingLoggerProvider _logs = new();

    protected override bool SignInAdmin => true;

    protected override ApiFactory CreateFactory()
    {
        var factory = new ApiFactory { Provider = Provider, ConfigureServices = s => s.AddSingleton<ILoggerProvider>(_logs) };

        // Everything the service can log, so that a payload reaching any logger at any level is caught.
        factory.Settings["Logging:LogLevel:Default"] = "Debug";
        factory.Settings["Logging:LogLevel:Microsoft"] = "Debug";

        // Inputs kept (encrypted) and read back: neither the ciphertext's way in nor the plaintext's way out may log it.
        factory.Settings["Threats:StoreInput"] = "Encrypted";
        return factory;
    }

    [Test]
    public async Task Neither_analysed_input_nor_inspected_request_nor_a_password_nor_a_token_reaches_the_logs()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..12];
        var input = $"<script>alert('{marker}')</script>";

        var analyze = await Admin.PostAsJsonAsync("/api/v1/analyze", new { input });
        var benign = await Admin.PostAsJsonAsync("/api/v1/analyze", new { input = "plain words " + marker + "b" });
        var inspect = await Admin.PostAsJsonAsync("/api/v2/inspect", new
        {
            method = "GET",
            url = "/search?q=" + Uri.EscapeDataString($"1' UNION SELECT password FROM users--{marker}c"),
        });
        var wrongPassword = "pw-" + marker + "d";
        var login = await Anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = Factory.AdminUsername, password = wrongPassword });
        var token = Admin.DefaultRequestHeaders.Authorization!.Parameter!;
        var requestId = Guid.Parse((await analyze.Content.ReadFromJsonAsync<JsonObject>())!["request_id"]!.GetValue<string>());
        var threatId = await Factory.QueryAsync(db => db.Threats.Where(t => t.RequestId == requestId).Select(t => t.Id).SingleAsync());
        var readInput = await Admin.GetAsync($"/api/v1/threats/{threatId}/input");

        Assert.That(analyze.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(benign.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(inspect.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(readInput.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await readInput.Content.ReadAsStringAsync(), Does.Contain(marker), "the stored input was read back");
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_logs.Lines, Is.Not.Empty, "the capture must see the service's logging at all");
        Assert.That(_logs.Lines.Where(l => l.Contains(marker, StringComparison.Ordinal)), Is.Empty);
        Assert.That(_logs.Lines.Where(l => l.Contains(token, StringComparison.Ordinal) || l.Contains(Factory.AdminPassword, StringComparison.Ordinal)), Is.Empty);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // The message, every structured value and the exception: a payload in any of them is a leak.
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}

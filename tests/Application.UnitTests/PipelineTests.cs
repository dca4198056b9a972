using InfiniteSecurity.Application.Common.Exceptions;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Threats.AnalyzeInput;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class PipelineTests
{
    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception) + exception);
            }
        }

        public void Dispose()
        {
        }
    }

    private static ServiceProvider Build(CapturingLogger logs, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddApplication(configuration);
        // The handler needs persistence and a caller; validation must stop the request before either is touched.
        services.AddScoped<IAppDbContext>(_ => throw new AssertionException("persistence reached for an invalid request"));
        services.AddScoped<ICallerContext>(_ => throw new AssertionException("caller reached for an invalid request"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Test]
    public void Invalid_request_is_stopped_by_validation_with_errors_per_field()
    {
        using var provider = Build(new CapturingLogger(), new() { ["Detection:MaxInputLength"] = "5" });
        using var scope = provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var ex = Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(new AnalyzeInputCommand("abcdef")));

        Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "input" }));
    }

    [Test]
    public void Logging_never_writes_the_raw_input_only_its_hash_and_length()
    {
        const string secretPayload = "<script>steal(document.cookie)</script>";
        var logs = new CapturingLogger();
        using var provider = Build(logs, new() { ["Detection:MaxInputLength"] = "5" });
        using var scope = provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        Assert.ThrowsAsync<RequestValidationException>(() => mediator.Send(new AnalyzeInputCommand(secretPayload)));

        Assert.That(logs.Lines, Is.Not.Empty);
        Assert.That(logs.Lines.Any(l => l.Contains("script", StringComparison.Ordinal)), Is.False, string.Join('\n', logs.Lines));
        Assert.That(logs.Lines.Any(l => l.Contains($"length {secretPayload.Length}", StringComparison.Ordinal)), Is.True, string.Join('\n', logs.Lines));
    }

    [Test]
    public void Every_request_has_exactly_one_handler_registered()
    {
        var services = new ServiceCollection().AddApplication(new ConfigurationBuilder().Build());
        var requestTypes = typeof(AnalyzeInputCommand).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));

        foreach (var request in requestTypes)
        {
            var response = request.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
            var handlerType = typeof(IRequestHandler<,>).MakeGenericType(request, response);
            Assert.That(services.Count(d => d.ServiceType == handlerType), Is.EqualTo(1), request.Name);
        }
    }
}

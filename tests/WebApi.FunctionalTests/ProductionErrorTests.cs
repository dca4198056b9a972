using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfiniteSecurity.Detection;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfiniteSecurity.WebApi.FunctionalTests;

public sealed class ProductionErrorTests
{
    private sealed class ExplodingAnalyzer : IThreatAnalyzer
    {
        public ThreatAnalysis Analyze(string input, BehaviourSignal behaviour = default) =>
            throw new InvalidOperationException("secret internal detail at /srv/app/Engine.cs");
    }

    [Test]
    public async Task Unexpected_error_in_production_is_a_500_problem_without_internals()
    {
        await using var factory = await new ApiFactory
        {
            EnvironmentName = "Production",
            ConfigureServices = s => s.AddSingleton<IThreatAnalyzer, ExplodingAnalyzer>(),
        }.StartAsync();
        using var client = await factory.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analyze", new { input = "anything" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(text, Does.Not.Contain("secret internal detail").And.Not.Contain("Engine.cs").And.Not.Contain("   at "));
        Assert.That(JsonNode.Parse(text)!["traceId"], Is.Not.Null);
    }
}

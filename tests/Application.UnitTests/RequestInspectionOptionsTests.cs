using InfiniteSecurity.Application;
using InfiniteSecurity.Detection.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application.UnitTests;

public sealed class RequestInspectionOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddApplication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    [Test]
    public void Request_limits_come_from_configuration_and_default_to_the_library_limits()
    {
        using var configured = Build(new() { ["Detection:Requests:MaxValues"] = "50", ["Detection:Requests:MaxBodyBytes"] = "4096" });
        using var defaults = Build([]);

        Assert.Multiple(() =>
        {
            Assert.That(configured.GetRequiredService<RequestLimits>(), Is.EqualTo(RequestLimits.Default with { MaxValues = 50, MaxBodyBytes = 4096 }));
            Assert.That(configured.GetRequiredService<RequestInspector>().Limits.MaxValues, Is.EqualTo(50));
            Assert.That(defaults.GetRequiredService<RequestLimits>(), Is.EqualTo(RequestLimits.Default));
        });
    }

    [TestCase("Detection:Requests:MaxValues", "0")]
    [TestCase("Detection:Requests:MaxBodyBytes", "-1")]
    [TestCase("Detection:Requests:AnalysisCacheEntries", "-5")]
    public void Out_of_range_limits_are_refused(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        Assert.That(() => provider.GetRequiredService<IOptions<Common.Options.RequestInspectionOptions>>().Value, Throws.InstanceOf<OptionsValidationException>());
    }
}

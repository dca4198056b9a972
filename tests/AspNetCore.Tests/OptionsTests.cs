using InfiniteSecurity.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.AspNetCore.Tests;

public sealed class OptionsTests
{
    [TestCase("ThreatDetection:MaxBodyBytes", "0")]
    [TestCase("ThreatDetection:ExcludedPaths:0", "health")]
    [TestCase("ThreatDetection:Reporting:ServiceUrl", "not a url")]
    [TestCase("ThreatDetection:Policy:MonitorAt", "0.95")]
    public void Invalid_options_stop_the_app_at_start_up(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["ThreatDetection:Reporting:ClientId"] = "c", ["ThreatDetection:Reporting:ClientSecret"] = "s" };

        Assert.That(async () => await ProtectedHost.StartAsync(settings), Throws.InstanceOf<OptionsValidationException>());
    }

    [Test]
    public void Reporting_without_client_credentials_stops_the_app_at_start_up()
    {
        Assert.That(
            async () => await ProtectedHost.StartAsync(use: o => o.Reporting.ServiceUrl = "http://127.0.0.1:9"),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("ClientId and ClientSecret"));
    }
}

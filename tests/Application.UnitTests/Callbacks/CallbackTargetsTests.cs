using InfiniteSecurity.Application.Callbacks;

namespace InfiniteSecurity.Application.UnitTests.Callbacks;

public sealed class CallbackTargetsTests
{
    private static readonly CallbackOptions On = new() { Enabled = true, SigningKey = new string('k', 32), AllowedHosts = ["hooks.example.com"] };

    private static string? Refusal(string url, CallbackOptions? options = null) => CallbackTargets.Refusal(url, options ?? On, []);

    [Test]
    public void An_https_url_on_an_allowed_host_is_accepted() =>
        Assert.That(Refusal("https://hooks.example.com/results?k=1"), Is.Null);

    [Test]
    public void Host_matching_is_exact_and_ignores_case_only() => Assert.Multiple(() =>
    {
        Assert.That(Refusal("https://HOOKS.example.com/r"), Is.Null);
        Assert.That(Refusal("https://evil.hooks.example.com/r"), Does.Contain("AllowedHosts"));
        Assert.That(Refusal("https://hooks.example.com.evil.test/r"), Does.Contain("AllowedHosts"));
    });

    [Test]
    public void Callbacks_that_are_off_are_refused_saying_so() =>
        Assert.That(Refusal("https://hooks.example.com/r", new CallbackOptions()), Does.Contain("off"));

    [TestCase("ftp://hooks.example.com/r")]
    [TestCase("file:///home/hooks/results.txt")]
    [TestCase("gopher://hooks.example.com/")]
    [TestCase("/relative/path")]
    public void Other_schemes_are_refused(string url) => Assert.That(Refusal(url), Does.Contain("http(s)"));

    [Test]
    public void Plain_http_needs_the_operator_switch() => Assert.Multiple(() =>
    {
        Assert.That(Refusal("http://hooks.example.com/r"), Does.Contain("https"));
        Assert.That(Refusal("http://hooks.example.com/r", new CallbackOptions { Enabled = true, AllowHttp = true, AllowedHosts = ["hooks.example.com"] }), Is.Null);
    });

    [Test]
    public void User_info_is_refused_even_when_it_names_an_allowed_host() =>
        Assert.That(Refusal("https://hooks.example.com@10.0.0.1/r"), Does.Contain("credentials"));

    [TestCase("https://10.0.0.7/r")]
    [TestCase("https://169.254.42.7/r")]
    [TestCase("https://[::ffff:127.0.0.9]/r")]
    [TestCase("https://[fd12:3456::9]/r")]
    public void A_literal_internal_address_is_refused_even_when_listed_as_a_host(string url)
    {
        var options = new CallbackOptions { Enabled = true, AllowedHosts = ["10.0.0.7", "169.254.42.7", "::ffff:127.0.0.9", "fd12:3456::9"] };
        Assert.That(Refusal(url, options), Does.Contain("internal address"));
    }
}

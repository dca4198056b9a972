using System.Text.Json;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Playwright;

namespace InfiniteSecurity.WebApi.FunctionalTests.Browser;

/// <summary>
/// Swagger UI in a real Chromium (Debian's, driven by Playwright): the Authorize button takes a token and
/// "Try it out" then sends it. Without Chromium the test fails under CI=true and is ignored, with the reason, elsewhere.
/// </summary>
[NonParallelizable]
public sealed class SwaggerUiTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Authorize_button_makes_try_it_out_send_the_bearer_token()
    {
        if (!File.Exists(Chromium))
        {
            TestEnvironment.Missing($"{Chromium} not found (install Debian's 'chromium' package; .ci/run does)");
        }

        await using var factory = await new ApiFactory().StartAsync();
        var token = (await factory.LoginAsync(factory.AdminUsername, factory.AdminPassword)).AccessToken;
        using var http = factory.CreateClient();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keeps it off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(http.BaseAddress!, "swagger/index.html").ToString());
        var analyze = page.Locator(".opblock-post").Filter(new() { HasText = "/api/v1/analyze" }).First;
        await analyze.Locator(".opblock-summary").ClickAsync();
        await analyze.Locator("button.try-out__btn", new() { HasText = "Try it out" }).ClickAsync();
        await analyze.Locator("textarea.body-param__text").FillAsync(JsonSerializer.Serialize(new { input = "admin' OR '1'='1" }));

        var before = await ExecuteAsync(page, analyze);

        await page.Locator("button.authorize").First.ClickAsync();
        await page.Locator(".auth-container input").First.FillAsync(token);
        await page.Locator(".auth-btn-wrapper button.authorize").First.ClickAsync();
        await page.Locator(".auth-btn-wrapper button.btn-done").First.ClickAsync();
        var after = await ExecuteAsync(page, analyze);

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(401));
            Assert.That(before.Authorization, Is.Null);
            Assert.That(after.Status, Is.EqualTo(200));
            Assert.That(after.Authorization, Is.EqualTo("Bearer " + token));
            Assert.That(after.Body, Does.Contain("\"type\":\"sql_injection\""));
        });
    }

    private static async Task<(int Status, string? Authorization, string Body)> ExecuteAsync(IPage page, ILocator operation)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => operation.Locator("button.execute").ClickAsync(),
            r => r.Url.EndsWith("/api/v1/analyze", StringComparison.Ordinal) && r.Request.Method == "POST");
        var headers = await response.Request.AllHeadersAsync();
        return (response.Status, headers.GetValueOrDefault("authorization"), await response.TextAsync());
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfiniteSecurity.Infrastructure.Persistence;
using InfiniteSecurity.WebApi.FunctionalTests.Infrastructure;
using Microsoft.Playwright;

namespace InfiniteSecurity.WebApi.FunctionalTests.Browser;

/// <summary>
/// The dashboard in a real Chromium against the real service (Kestrel) on each database: the first admin's sign-in
/// and forced password change, a threat arriving live, the threat table and detail, a false-positive verdict that
/// lowers the rule's weight on the rules screen and a reset, the analyze playground (recommendations, a whole HTTP
/// request), an unlock and a role change, a machine client created, rotated and revoked, the audit log, another user's session
/// ended from the sessions screen, and sign-out. Every screen is checked with axe-core and photographed at desktop width and at 375 px.
/// </summary>
[NonParallelizable]
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed partial class DashboardTests(DatabaseProvider provider)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string NewAdminPassword = "a long dashboard passphrase 42";

    private string _screens = string.Empty;

    [GeneratedRegex("generated password: (\\S+)")]
    private static partial Regex GeneratedPassword();

    [Test]
    public async Task First_admin_signs_in_sees_a_threat_arrive_live_marks_it_a_false_positive_that_lowers_its_rule_and_administers_users_clients_sessions_and_the_audit_log()
    {
        if (!File.Exists(Chromium))
        {
            TestEnvironment.Missing($"{Chromium} not found (install Debian's 'chromium' package; .ci/run does)");
        }

        if (provider == DatabaseProvider.Postgres)
        {
            TestDatabase.RequirePostgresBinaries();
        }

        _screens = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard-screens", provider.ToString().ToLowerInvariant());
        Directory.CreateDirectory(_screens);

        await using var factory = new ApiFactory { Provider = provider, Settings = { ["Bootstrap:AdminPassword"] = "", ["Threats:StoreInput"] = "Encrypted" } };
        var generated = await StartCapturingGeneratedPasswordAsync(factory);
        using var http = factory.CreateClient();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text + " at " + message.Location);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Request.Method} {new Uri(response.Url).AbsolutePath}: {response.Status}");
            }
        };

        try
        {
            await WalkThroughAsync(factory, page, http, generated);
        }
        catch
        {
            var file = Path.Combine(_screens, "failure.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            TestContext.AddTestAttachment(file, "the page when the walk-through failed");
            TestContext.Out.WriteLine("Page text: " + await page.Locator("main").InnerTextAsync());
            TestContext.Out.WriteLine("Console errors: " + string.Join(" | ", problems));
            throw;
        }

        Assert.That(problems, Is.Empty, "no script errors and no CSP violations");
    }

    private async Task WalkThroughAsync(ApiFactory factory, IPage page, HttpClient http, string generated)
    {
        // Sign-in with the generated password leads to the forced change, then straight into the overview.
        await page.GotoAsync(http.BaseAddress!.ToString());
        await Screens(page, "signin");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(generated);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await Screens(page, "password-change");
        await page.GetByLabel("Current password").FillAsync(generated);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewAdminPassword);
        await page.GetByLabel("Repeat new password").FillAsync(NewAdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        // Generous: two password hashes and a sign-in on a busy machine; this is no speed claim.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync(new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("Live");
        await Assertions.Expect(page.Locator("#threat-total")).ToHaveTextAsync("0");

        // A threat analysed through the API shows up without a reload: counted, and drawn in the family chart.
        using var admin = factory.CreateClientWithToken((await factory.LoginAsync("admin", NewAdminPassword)).AccessToken);
        var analyzed = await admin.PostAsJsonAsync("/api/v1/analyze", new { input = "7 UNION SELECT secret, 1 FROM accounts --" });
        Assert.That(analyzed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Assertions.Expect(page.Locator("#threat-total")).ToHaveTextAsync("1", new() { Timeout = 2000 });
        await Assertions.Expect(page.Locator("svg.chart rect[data-family='sql_injection']")).ToHaveCountAsync(1, new() { Timeout = 2000 });
        await Screens(page, "overview");

        // Many threats so the locale's grouping shows, then filter the table to one family.
        for (var i = 0; i < 2; i++)
        {
            Assert.That((await admin.PostAsJsonAsync("/api/v1/analyze", new { input = $"<img src=x onerror=alert({i})>" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await Assertions.Expect(page.Locator("#threat-total")).ToHaveTextAsync("3", new() { Timeout = 2000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Threats" }).ClickAsync();
        await Assertions.Expect(page.Locator("#threat-rows tr")).ToHaveCountAsync(3);
        await page.GetByLabel("Family").SelectOptionAsync("sql_injection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#threat-rows tr")).ToHaveCountAsync(1);
        await Screens(page, "threats");

        await page.Locator("#threat-rows a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Threat", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre.input mark", new() { HasText = "UNION SELECT" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("sql_injection");
        await Assertions.Expect(page.Locator("main a.rule").First).ToContainTextAsync("sqli.");
        await Assertions.Expect(page.Locator("#review-state")).ToHaveTextAsync("unreviewed");

        // The whole input was kept (encrypted): an analyst asks for it, and only then is it fetched (and audited).
        await Assertions.Expect(page.Locator("#stored-input pre")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show full input" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stored-input pre")).ToHaveTextAsync("7 UNION SELECT secret, 1 FROM accounts --");
        await Screens(page, "threat-detail");

        // The finding's rule id leads to that rule's row on the rules screen; its weight there is the baseline.
        var ruleId = (await page.Locator("main a.rule").First.TextContentAsync())!;
        var detail = new Uri(page.Url).Fragment;
        await page.Locator("main a.rule").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rules" })).ToBeVisibleAsync();
        var ruleRow = page.Locator($"#rule-rows tr[data-rule='{ruleId}']");
        await Assertions.Expect(ruleRow).ToHaveClassAsync("selected");
        await Assertions.Expect(ruleRow.Locator("th")).ToBeFocusedAsync();
        var before = Weight(await ruleRow.Locator("td.effective").TextContentAsync());
        await Screens(page, "rules");
        // The highlighted row is the one place with a colour of its own: its contrast is checked in the dark scheme too.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Screens(page, "rules-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // A false positive with a comment: the review state and the feedback list show it, and the rule weighs less.
        await page.EvaluateAsync("fragment => { location.hash = fragment; }", detail);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Threat", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Comment (optional)").FillAsync("a search for a film title");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark false positive" }).ClickAsync();
        await Assertions.Expect(page.Locator("#review-state")).ToHaveTextAsync("false_positive");
        await Assertions.Expect(page.Locator("#feedback-list li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#feedback-list li")).ToContainTextAsync("False positive");
        await Assertions.Expect(page.Locator("#feedback-list li")).ToContainTextAsync("a search for a film title");
        await Screens(page, "threat-feedback");
        await page.Locator("main a.rule").First.ClickAsync();
        await Assertions.Expect(ruleRow.Locator("td.fp")).ToHaveTextAsync("1");
        var after = Weight(await ruleRow.Locator("td.effective").TextContentAsync());
        Assert.That(after, Is.LessThan(before), "a false positive lowers the rule's effective weight");

        // The filters narrow the catalogue in the page: to the tuned rules, or to one family.
        var untouched = page.Locator("#rule-rows tr[data-rule^='xss.']").First;
        await page.GetByLabel("Tuned only").CheckAsync();
        await Assertions.Expect(ruleRow).ToBeVisibleAsync();
        await Assertions.Expect(untouched).ToBeHiddenAsync();
        await page.GetByLabel("Tuned only").UncheckAsync();
        await page.GetByLabel("Family").SelectOptionAsync("xss");
        await Assertions.Expect(ruleRow).ToBeHiddenAsync();
        await Assertions.Expect(untouched).ToBeVisibleAsync();
        await page.GetByLabel("Family").SelectOptionAsync("");
        await Assertions.Expect(ruleRow).ToBeVisibleAsync();

        // The admin's reset asks for confirmation first, then puts the base weight back and clears the counts.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reset {ruleId}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Confirm reset of {ruleId}" })).ToBeFocusedAsync();
        Assert.That(Weight(await ruleRow.Locator("td.effective").TextContentAsync()), Is.EqualTo(after), "nothing changes before the confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirm reset of {ruleId}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules-status")).ToContainTextAsync(ruleId);
        await Assertions.Expect(ruleRow.Locator("td.fp")).ToHaveTextAsync("0");
        Assert.That(Weight(await ruleRow.Locator("td.effective").TextContentAsync()), Is.EqualTo(before));

        // The playground marks each finding's span in the input.
        await page.GetByRole(AriaRole.Link, new() { Name = "Analyze" }).ClickAsync();
        await page.GetByLabel("Input to analyse").FillAsync("name=<script>alert(document.domain)</script>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("BLOCK");
        await Assertions.Expect(page.Locator("#analyze-result mark").First).ToContainTextAsync("script");
        await Assertions.Expect(page.Locator("#recommendations")).ToHaveCountAsync(0);
        await Screens(page, "analyze");
        await page.GetByLabel("Include recommendations").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Analyse" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recommendations li").First).ToContainTextAsync("xss");

        // A whole request: the finding names where in the request it was, here the query parameter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Whole HTTP request" }).ClickAsync();
        await page.GetByLabel("HTTP request (request line, headers, blank line, body)")
            .FillAsync("GET /find?term=%3Cscript%3Ealert(7)%3C%2Fscript%3E HTTP/1.1\nHost: shop.example\nAccept: text/html\n\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inspect" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("BLOCK");
        await Assertions.Expect(page.Locator("#analyze-result tbody td").First).ToHaveTextAsync("query:term");
        await Screens(page, "analyze-request");

        // A user locked out by wrong passwords is unlocked from the admin screen and can sign in again.
        var username = "locked-" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N")[..20];
        Assert.That((await admin.PostAsJsonAsync("/api/v1/users", new { username, password, role = "user" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var anonymous = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password = "wrong-" + i });
        }

        Assert.That((int)(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password })).StatusCode, Is.EqualTo(423));
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        var row = page.Locator($"tr[data-user='{username}']");
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("locked");
        await Screens(page, "admin");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Unlock {username}" }).ClickAsync();
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("active");
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A role change takes effect at the service: the user's next sign-in carries the new role.
        await page.GetByLabel($"Role of {username}", new() { Exact = true }).SelectOptionAsync("analyst");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change role of {username}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#admin-status")).ToContainTextAsync("analyst");
        await Assertions.Expect(row.Locator("td.role select")).ToHaveValueAsync("analyst");
        using var promoted = factory.CreateClientWithToken((await factory.LoginAsync(username, password)).AccessToken);
        Assert.That((await promoted.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("role").GetString(), Is.EqualTo("analyst"));

        // A machine client: the secret is shown once and works; a rotation replaces it; a revocation ends it.
        var clientName = "feed-" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Client name").FillAsync(clientName);
        await page.GetByLabel("siem:read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        var clientRow = page.Locator($"tr[data-client='{clientName}']");
        await Assertions.Expect(clientRow.Locator("td").Nth(2)).ToHaveTextAsync("analyze, siem:read");
        var clientId = (await clientRow.Locator("code").TextContentAsync())!;
        var firstSecret = (await page.Locator("#shown-secret").TextContentAsync())!;
        await anonymous.ClientCredentialsTokenAsync(clientId, firstSecret);
        await Screens(page, "admin-clients");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Rotate secret {clientName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#shown-secret")).Not.ToHaveTextAsync(firstSecret);
        var secondSecret = (await page.Locator("#shown-secret").TextContentAsync())!;
        Assert.That(await TokenFailsAsync(anonymous, clientId, firstSecret), Is.True, "the rotated-out secret no longer issues tokens");
        await anonymous.ClientCredentialsTokenAsync(clientId, secondSecret);

        // Its own quota: set on the screen, stored at the service.
        await Assertions.Expect(clientRow.Locator("td.quota")).ToHaveTextAsync("service-wide");
        await page.GetByLabel($"Quota of {clientName}, requests per second").FillAsync("250");
        await clientRow.GetByRole(AriaRole.Button, new() { Name = "Set quota" }).ClickAsync();
        await Assertions.Expect(page.Locator("#clients-status")).ToContainTextAsync($"Quota of {clientName} set to 250 a second");
        await Assertions.Expect(clientRow.Locator("td.quota")).ToHaveTextAsync("250/s");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/clients");
        Assert.That(listed.EnumerateArray().Single(c => c.GetProperty("name").GetString() == clientName).GetProperty("requests_per_second").GetInt32(), Is.EqualTo(250));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {clientName}" }).ClickAsync();
        await Assertions.Expect(clientRow.Locator("td.state")).ToHaveTextAsync("revoked");
        await Assertions.Expect(page.Locator("#shown-secret")).ToHaveCountAsync(0);
        Assert.That(await TokenFailsAsync(anonymous, clientId, secondSecret), Is.True, "a revoked client gets no token");

        // The audit log, filtered to one event type, shows just the reset done above.
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await page.GetByLabel("Event type").FillAsync("rule_weight_reset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-rows tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#audit-rows tr")).ToContainTextAsync("RULE_WEIGHT_RESET");
        await Assertions.Expect(page.Locator("#audit-rows tr")).ToContainTextAsync(ruleId);
        await page.GetByLabel("Event type").FillAsync("CLIENT_REVOKED");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.Locator("#audit-rows tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#audit-rows tr")).ToContainTextAsync(clientId);
        await Screens(page, "audit");

        // Sessions: the admin sees the other user's session (signed in through the API from a device of its own),
        // ends it after confirming, and the list loses the row; the service then refuses that user's tokens.
        var device = "SessionsScreenProbe/4.2 (dashboard test)";
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { username, password }) };
        signIn.Headers.TryAddWithoutValidation("User-Agent", device);
        var signedIn = await (await anonymous.SendAsync(signIn)).Content.ReadFromJsonAsync<JsonElement>();
        var victimAccess = signedIn.GetProperty("access_token").GetString()!;
        var victimRefresh = signedIn.GetProperty("refresh_token").GetString()!;
        var victimSession = HandMadeJwt.PayloadOf(victimAccess)["sid"]!.GetValue<string>();
        using (var victim = factory.CreateClientWithToken(victimAccess))
        {
            Assert.That((await victim.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sessions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sessions" })).ToBeVisibleAsync();
        var sessionRow = page.Locator($"#session-rows tr[data-session='{victimSession}']");
        await Assertions.Expect(sessionRow).ToContainTextAsync(username);
        await Assertions.Expect(sessionRow).ToContainTextAsync(device);
        await Assertions.Expect(page.Locator("#session-rows tr", new() { HasText = "(this session)" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#session-rows tr", new() { HasText = "(this session)" })).ToContainTextAsync("admin");
        await Screens(page, "sessions");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await Screens(page, "sessions-dark");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });

        // By keyboard: the button opens the confirmation, which takes the focus; Cancel gives it back untouched.
        await sessionRow.GetByRole(AriaRole.Button, new() { Name = $"End session of {username}" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var confirmEnd = sessionRow.GetByRole(AriaRole.Button, new() { Name = $"Confirm: end the session of {username}" });
        await Assertions.Expect(confirmEnd).ToBeFocusedAsync();
        await sessionRow.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(sessionRow.GetByRole(AriaRole.Button, new() { Name = $"End session of {username}" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#sessions-status")).ToContainTextAsync($"Session of {username} ended.");
        await Assertions.Expect(sessionRow).ToHaveCountAsync(0);
        using (var victim = factory.CreateClientWithToken(victimAccess))
        {
            Assert.That((await victim.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the ended session's access token is refused");
        }

        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = victimRefresh })).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized), "and so is its refresh token");

        // The promoted analyst reads the rules but is offered no reset, and sees no admin screen.
        await using (var analystContext = await page.Context.Browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } }))
        {
            var analyst = await analystContext.NewPageAsync();
            await analyst.GotoAsync(http.BaseAddress!.ToString());
            await analyst.GetByLabel("User name").FillAsync(username);
            await analyst.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await analyst.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync(new() { Timeout = 20000 });
            await Assertions.Expect(analyst.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToBeHiddenAsync();
            await analyst.GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
            await Assertions.Expect(analyst.Locator($"#rule-rows tr[data-rule='{ruleId}']")).ToBeVisibleAsync();
            await Assertions.Expect(analyst.GetByRole(AriaRole.Button, new() { Name = "Reset" })).ToHaveCountAsync(0);
        }

        // Sign-out leaves nothing behind that a script could read.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length + document.cookie.length");
        Assert.That(stored, Is.Zero, "no token in web storage or cookies");
    }

    /// <summary>An effective weight as the page shows it, in the page's German locale (decimal comma).</summary>
    private static double Weight(string? shown) => double.Parse(shown!, NumberStyles.Float, CultureInfo.GetCultureInfo("de-DE"));

    private static async Task<bool> TokenFailsAsync(HttpClient anonymous, string clientId, string clientSecret)
    {
        var response = await anonymous.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token",
            ClientId = clientId,
            ClientSecret = clientSecret,
        });
        return response.IsError;
    }

    private static async Task<string> StartCapturingGeneratedPasswordAsync(ApiFactory factory)
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(console);
        try
        {
            await factory.StartAsync();
        }
        finally
        {
            Console.SetOut(original);
        }

        var printed = GeneratedPassword().Match(console.ToString());
        Assert.That(printed.Success, Is.True, "the bootstrap prints the generated admin password");
        return printed.Groups[1].Value;
    }

    /// <summary>Checks the screen with axe-core, then photographs it at 1280 px and at 375 px.</summary>
    private async Task Screens(IPage page, string name)
    {
        // Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript()));
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
            + ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.That(violations.EnumerateArray().Select(v => v.GetString()), Is.Empty, $"serious or critical accessibility violations on {name}");

        foreach (var width in new[] { 1280, 375 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var file = Path.Combine(_screens, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            TestContext.AddTestAttachment(file, $"{name} at {width} px");
            if (width == 375)
            {
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
                Assert.That(overflow, Is.False, $"{name} fits 375 px without sideways scrolling");
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "WebApi", "ClientApp", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("axe-core not found: dotnet build src/WebApi runs npm ci in src/WebApi/ClientApp");
    }
}

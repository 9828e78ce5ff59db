using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Directory.Tenants;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// Pages reached before the console and pages inside it speak the Japanese browser's language:
/// the setup link's form (with its validation messages), the verified domains page, an
/// employee's Security tab and a refusal of the privilege model.
/// </summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class JapanesePagesTests : IClassFixture<JapaneseChromiumBrowser>
{
    private readonly ConsoleServerFixture _server;
    private readonly ChromiumBrowser _browser;

    public JapanesePagesTests(ConsoleServerFixture server, JapaneseChromiumBrowser japanese)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        _server = server;
        _browser = japanese.Browser;
        _browser.Reset(server.BaseAddress);
    }

    [Fact]
    public async Task The_setup_link_s_form_and_the_domains_page_speak_japanese()
    {
        var tenant = await _server.Services.GetRequiredService<CreateTenant>().ExecuteAsync("Initech " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None);
        var issued = await _server.Services.GetRequiredService<IssueSetupLink>()
            .ExecuteAsync(OperatorActor.Cli, tenant.Id, SetupLinkTokens.DefaultLifetime, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);

        _browser.GoTo(SetupLinkTokens.Link(_server.BaseAddress.ToString(), issued.Value.Token));
        Assert.Equal("最初の管理者の作成", _browser.Heading);
        var create = _browser.Find(By.CssSelector("form.form button[type=submit]"));
        Assert.Equal("管理者を作成してサインイン", create.Text);
        Assert.Equal("勤務先のメールアドレス", _browser.Find(By.CssSelector("label[for=Email]")).Text);
        create.Click();
        _browser.Sees("勤務先のメールアドレスを入力してください。");

        var admin = await _server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        _browser.GoTo(_server.Url("console/sign-in"));
        _browser.Find(By.Id("Email")).SendKeys(admin.AdminEmail);
        _browser.Find(By.Id("Password")).SendKeys(ConsoleServerFixture.Password);
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);

        _browser.GoTo(_server.Url("console/security/domains"));
        Assert.Equal("検証済みドメイン", _browser.Heading);
        Assert.Equal("ドメインを追加", _browser.Find(By.CssSelector("form.form button[type=submit]")).Text);
        _browser.Sees("ドメインはまだありません。");
    }

    [Fact]
    public async Task A_deactivated_employee_s_security_tab_says_deactivated_in_japanese()
    {
        var said = UntranslatedTextTests.TranslationsOf("ja");
        var admin = await _server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        await _server.TurnScimOffAsync(admin.OrgId);
        var email = $"deactivated-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        await _server.AddEmployeeWithEmailAsync(admin.OrgId, email);
        var employee = (await _server.Services.GetRequiredService<ListEmployees>().ExecuteAsync(admin.OrgId, null, email, 1, CancellationToken.None)).Value!.Employees.Single();
        var deactivated = await _server.Services.GetRequiredService<UpdateEmployee>()
            .ExecuteAsync(AdminActor.Operator(admin.OrgId), employee.Id, new EmployeeUpdate(Active: false), CancellationToken.None);
        Assert.True(deactivated.IsSuccess, deactivated.Error?.Detail);
        _browser.GoTo(_server.Url("console/sign-in"));
        _browser.Find(By.Id("Email")).SendKeys(admin.AdminEmail);
        _browser.Find(By.Id("Password")).SendKeys(ConsoleServerFixture.Password);
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);

        _browser.GoTo(_server.Url($"console/employees/{employee.Id}/security"));

        var badge = _browser.Find(By.CssSelector("h1 .badge"));
        Assert.Equal(said["Deactivated"], badge.Text);
        Assert.Contains("deactivated", badge.GetAttribute("class"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_privilege_refusal_is_said_in_japanese_and_the_admin_api_keeps_english_with_its_code()
    {
        var said = UntranslatedTextTests.TranslationsOf("ja");
        var admin = await _server.CreateTenantAsync("roles.manage");
        _browser.GoTo(_server.Url("console/sign-in"));
        _browser.Find(By.Id("Email")).SendKeys(admin.AdminEmail);
        _browser.Find(By.Id("Password")).SendKeys(ConsoleServerFixture.Password);
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);

        _browser.GoTo(_server.Url("console/security/roles/new"));
        _browser.Find(By.Id("Name")).SendKeys("Auditor");
        _browser.Find(By.CssSelector("input[type=checkbox][value='audit.view']")).Click();
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();

        const string Sentence = "Changing the role '{0}' needs every permission it grants, before and after the change; {1} is not among your permissions.";
        _browser.Sees(string.Format(CultureInfo.InvariantCulture, said[Sentence], "Auditor", "'audit.view'"));
        Assert.DoesNotContain("needs every permission", _browser.Text, StringComparison.Ordinal);

        using var api = new HttpClient { BaseAddress = new Uri(_server.BaseAddress, $"api/v1/orgs/{admin.OrgId}/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{admin.AdminEmail}:{ConsoleServerFixture.Password}")));
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ja");
        var response = await api.PostAsJsonAsync("roles", new { name = "Auditor", permissions = new[] { "audit.view" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("privilege.role", (string?)problem["code"]);
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, Sentence, "Auditor", "'audit.view'"), (string?)problem["detail"]);
    }
}

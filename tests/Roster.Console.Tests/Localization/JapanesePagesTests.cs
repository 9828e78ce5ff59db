using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Directory.Tenants;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// Pages reached before the console and pages inside it speak the Japanese browser's language:
/// the setup link's form (with its validation messages) and the verified domains page.
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
}

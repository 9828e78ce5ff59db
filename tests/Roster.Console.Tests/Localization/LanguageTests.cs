using OpenQA.Selenium.Support.UI;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Localization;

/// <summary>
/// The console speaks the browser's language (here Japanese), and a person's own choice on the
/// Your settings page wins over it; dates follow the person's time zone.
/// </summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class LanguageTests : IClassFixture<JapaneseChromiumBrowser>
{
    private readonly ConsoleServerFixture _server;
    private readonly ChromiumBrowser _browser;

    public LanguageTests(ConsoleServerFixture server, JapaneseChromiumBrowser japanese)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        _server = server;
        _browser = japanese.Browser;
        _browser.Reset(server.BaseAddress);
    }

    [Fact]
    public async Task A_japanese_browser_gets_the_console_in_japanese()
    {
        var tenant = await _server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());

        _browser.GoTo(_server.Url("console/sign-in"));
        Assert.Equal("Rosterにサインイン", _browser.Heading);
        Assert.Equal("ja", _browser.Find(By.TagName("html")).GetAttribute("lang"));
        SignIn(tenant.AdminEmail);

        var navigation = _browser.Find(By.CssSelector("nav.side")).Text;
        Assert.Contains("従業員", navigation, StringComparison.Ordinal);
        Assert.Contains("ログイン: SCIMプロビジョニング", navigation, StringComparison.Ordinal);
        Assert.Contains("監査ログ", navigation, StringComparison.Ordinal);
        Assert.DoesNotContain("Employees", navigation, StringComparison.Ordinal);
        _browser.Sees("ベースコネクタのURL");
    }

    [Fact]
    public async Task The_cxone_role_step_reads_in_the_japanese_guide_s_words()
    {
        var tenant = await _server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        SignIn(tenant.AdminEmail);

        // The Japanese CXone guide: セキュリティ > ロールと権限, 新しいロール, 従業員の作成と編集, 保存&アクティブ化.
        _browser.GoTo(_server.Url("console/security/roles"));
        Assert.Equal("ロールと権限", _browser.Heading);
        _browser.GoTo(_server.Url("console/security/roles/new"));
        Assert.Equal("新しいロール", _browser.Heading);
        Assert.Contains("「従業員の作成と編集」", _browser.Find(By.Id("permission-employees-edit-guide")).Text, StringComparison.Ordinal);
        _browser.Find(By.Id("Name")).SendKeys("SCIMアクセスキー");
        _browser.Find(By.Id("permission-employees-edit")).Click();
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();

        _browser.Sees("ロール「SCIMアクセスキー」を保存し、アクティブ化しました。");
    }

    [Fact]
    public async Task A_person_s_own_language_and_time_zone_win_over_the_browser_and_are_kept()
    {
        var tenant = await _server.CreateTenantAsync(Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        SignIn(tenant.AdminEmail);

        // The header's name leads to the person's own settings.
        _browser.Find(By.CssSelector(".top .who")).Click();
        _browser.Until(d => d.Url.EndsWith("/console/account", StringComparison.Ordinal));
        Assert.Equal("個人設定", _browser.Heading);
        new SelectElement(_browser.Find(By.Id("Language"))).SelectByValue("ko");
        new SelectElement(_browser.Find(By.Id("TimeZone"))).SelectByValue("Asia/Tokyo");
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();

        _browser.Sees("설정을 저장했습니다.");
        Assert.Equal("ko", _browser.Find(By.TagName("html")).GetAttribute("lang"));
        Assert.Contains("직원", _browser.Find(By.CssSelector("nav.side")).Text, StringComparison.Ordinal);

        // Kept on the profile: a reload, and the audit log's times, are the person's.
        _browser.GoTo(_server.Url("console/account"));
        Assert.Equal("ko", new SelectElement(_browser.Find(By.Id("Language"))).SelectedOption.GetAttribute("value"));
        Assert.Equal("Asia/Tokyo", new SelectElement(_browser.Find(By.Id("TimeZone"))).SelectedOption.GetAttribute("value"));
        _browser.GoTo(_server.Url("console/audit?action=employee.preferences"));
        var when = _browser.Find(By.CssSelector("#audit-events tbody tr time"));
        Assert.EndsWith("UTC+09:00", when.Text, StringComparison.Ordinal);
        var instant = DateTimeOffset.Parse(when.GetAttribute("datetime") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(instant.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), when.Text, StringComparison.Ordinal);

        // Back to the browser's language: Japanese again.
        _browser.GoTo(_server.Url("console/account"));
        new SelectElement(_browser.Find(By.Id("Language"))).SelectByValue("");
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Sees("設定を保存しました。");
    }

    private void SignIn(string email)
    {
        _browser.GoTo(_server.Url("console/sign-in"));
        _browser.Find(By.Id("Email")).SendKeys(email);
        _browser.Find(By.Id("Password")).SendKeys(ConsoleServerFixture.Password);
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
    }
}

namespace Roster.Console.Tests.Infrastructure;

/// <summary>A browser test: the shared server, this class's browser, and signing in through the form.</summary>
[Collection(ConsoleCollectionDefinition.Name)]
public abstract class ConsoleTest : IClassFixture<ChromiumBrowser>
{
    protected ConsoleTest(ConsoleServerFixture server, ChromiumBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        Server = server;
        Browser = browser;
        browser.Reset(server.BaseAddress);
    }

    protected ConsoleServerFixture Server { get; }

    protected ChromiumBrowser Browser { get; }

    /// <summary>Opens <paramref name="path"/> (relative to the server) in the browser.</summary>
    protected void Open(string path) => Browser.GoTo(Server.Url(path));

    /// <summary>Signs in through the sign-in page and waits for the overview.</summary>
    protected void SignIn(string email, string password = ConsoleServerFixture.Password)
    {
        Open("console/sign-in");
        Browser.Type("Email", email);
        Browser.Type("Password", password);
        Browser.Click("Sign in");
        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
    }

    /// <summary>An HTTP client carrying the browser's session cookie, to check status codes a browser hides.</summary>
    protected HttpClient SessionClient()
    {
        var session = Browser.Driver.Manage().Cookies.GetCookieNamed(Roster.Server.Console.ConsoleAuthentication.CookieName);
        Assert.NotNull(session);
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Add("Cookie", $"{session.Name}={session.Value}");
        return http;
    }

    /// <summary>Signs out through the header's button.</summary>
    protected void SignOut()
    {
        Browser.Click("Sign out");
        Browser.Until(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
    }

    /// <summary>A new tenant whose administrator holds <paramref name="permissions"/> (every one by default), signed in.</summary>
    protected async Task<ConsoleTenant> SignInToNewTenantAsync(params string[] permissions)
    {
        var tenant = await Server.CreateTenantAsync(permissions.Length > 0 ? permissions : Roster.Directory.Roles.Permission.All.Select(p => p.Key).ToArray());
        SignIn(tenant.AdminEmail);
        return tenant;
    }
}

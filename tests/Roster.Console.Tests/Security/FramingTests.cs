using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Apps;
using Roster.Directory.Tests.Support;

namespace Roster.Console.Tests.Security;

/// <summary>
/// Clickjacking: a page of another origin frames Roster's consent page for a signed-in
/// administrator, so that a click meant for the page lands on "Allow". The browser must show
/// nothing in the frame. The framing page is served on another port of the same loopback
/// address: same site, so the session cookie (SameSite=Lax) goes along and only the framing
/// headers stand in the way.
/// </summary>
public sealed class FramingTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser), IAsyncLifetime
{
    private WebApplication? _attacker;
    private Uri _attackerAddress = null!;
    private string _framed = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _attacker = builder.Build();
        _attacker.MapGet("/", () => Results.Content(
            "<!doctype html><html><head><title>waiting</title></head><body>" +
            $"<iframe id=\"target\" width=\"900\" height=\"700\" onload=\"document.title = 'loaded'\" src=\"{WebUtility.HtmlEncode(_framed)}\"></iframe>" +
            "</body></html>",
            "text/html"));
        await _attacker.StartAsync();
        _attackerAddress = new Uri(_attacker.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Theory]
    [InlineData("consent")]
    [InlineData("console")]
    public async Task A_page_of_another_origin_that_frames_Roster_shows_nothing_of_it(string target)
    {
        var tenant = await SignInToNewTenantAsync();
        var app = await Server.Services.GetRequiredService<RegisterApp>().ExecuteAsync(
            AdminActor.Operator(tenant.OrgId),
            new AppDraft("Framed app", null, ["it@example.com"], AppClientType.UserConfidential, ["https://app.example.com/callback"], []),
            CancellationToken.None);
        _framed = target == "consent"
            ? Server.Url($"auth/authorize?client_id={Uri.EscapeDataString(app.Ok().App.ClientId)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("https://app.example.com/callback")}&state=s")
            : Server.Url("console/developer/apps");

        // The same page opened directly shows what a framing page would be after.
        var shown = target == "consent" ? "Allow" : "Register an app";
        Browser.GoTo(_framed);
        Browser.Sees(shown);

        Browser.GoTo(_attackerAddress.ToString());
        Browser.Until(d => d.Title == "loaded");
        Browser.Driver.SwitchTo().Frame("target");
        try
        {
            Assert.Empty(Browser.Driver.FindElements(By.XPath("//button | //a | //input")));
            Assert.DoesNotContain(shown, Browser.Driver.FindElement(By.TagName("body")).Text, StringComparison.Ordinal);
        }
        finally
        {
            Browser.Driver.SwitchTo().DefaultContent();
        }
    }

    public async Task DisposeAsync()
    {
        if (_attacker is not null)
        {
            await _attacker.DisposeAsync();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OtpNet;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Console;
using Roster.Server.Console.Authentication;
using Roster.Server.Tests.SignIn;

namespace Roster.Server.Tests.SecondFactors;

/// <summary>
/// A second factor for passwords, over HTTP: a person sets up an authenticator app on their own
/// page, then sign-in asks for its code after the password and starts the session only after it;
/// each code is good once, one step of clock skew either way; wrong codes count toward the
/// sign-in locks; recovery codes are good once; the tenant's policy sends administrators without
/// a factor to set one up first; someone else resets a factor only with every permission its
/// owner holds.
/// </summary>
[Collection(SignInCollectionDefinition.Name)]
public sealed class SecondFactorTests(SignInServerFixture server)
{
    private static readonly string[] Everything = [.. Permission.All.Select(p => p.Key)];

    [Fact]
    public async Task After_enrolment_the_session_starts_only_after_the_code()
    {
        var (_, email, _) = await PersonAsync("audit.view");
        var secret = await EnrolAsync(email);
        server.Time.Advance(TimeSpan.FromSeconds(30));

        using var browser = Browser();
        var next = await browser.SignInAsync(email, SignInPeople.Password);
        var consoleBeforeTheCode = await browser.GetAsync("console");
        var signedIn = await EnterCodeAsync(browser, Code(secret, server.Time.GetUtcNow()));
        var consoleAfter = await browser.GetAsync("console");

        Assert.Equal(ConsoleAuthentication.SecondFactorPath, next);
        Assert.Equal(HttpStatusCode.Redirect, consoleBeforeTheCode.StatusCode);
        Assert.Contains(ConsoleAuthentication.SignInPath + "?", consoleBeforeTheCode.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consoleAfter.StatusCode);
    }

    [Fact]
    public async Task Http_basic_is_refused_once_a_person_has_a_second_factor()
    {
        var (org, email, _) = await PersonAsync("audit.view");
        var before = await SignInPeople.BasicAsync(server, org, email, SignInPeople.Password, "192.0.2.20");
        await EnrolAsync(email);

        var after = await SignInPeople.BasicAsync(server, org, email, SignInPeople.Password, "192.0.2.20");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("second factor", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_good_once_on_every_sign_in()
    {
        var (_, email, _) = await PersonAsync("audit.view");
        var secret = await EnrolAsync(email);
        server.Time.Advance(TimeSpan.FromSeconds(30));
        var code = Code(secret, server.Time.GetUtcNow());

        using var first = Browser();
        await first.SignInAsync(email, SignInPeople.Password);
        var accepted = await EnterCodeAsync(first, code);
        using var second = Browser();
        await second.SignInAsync(email, SignInPeople.Password);
        var replayed = await EnterCodeAsync(second, code);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("The code is not correct", second.Html, StringComparison.Ordinal);
        Assert.False(second.HasCookie(ConsoleAuthentication.CookieName));
    }

    [Fact]
    public async Task One_step_of_clock_skew_either_way_is_accepted_and_two_are_not()
    {
        var (_, email, _) = await PersonAsync("audit.view");
        var secret = await EnrolAsync(email);
        server.Time.Advance(TimeSpan.FromMinutes(2));
        var now = server.Time.GetUtcNow();

        var twoStepsLate = await SignInWithCodeAsync(email, Code(secret, now.AddSeconds(-60)), "192.0.2.31");
        var oneStepLate = await SignInWithCodeAsync(email, Code(secret, now.AddSeconds(-30)), "192.0.2.32");
        var oneStepEarly = await SignInWithCodeAsync(email, Code(secret, now.AddSeconds(30)), "192.0.2.33");
        var twoStepsEarly = await SignInWithCodeAsync(email, Code(secret, now.AddSeconds(60)), "192.0.2.34");

        Assert.Equal(HttpStatusCode.OK, twoStepsLate);
        Assert.Equal(HttpStatusCode.Redirect, oneStepLate);
        Assert.Equal(HttpStatusCode.Redirect, oneStepEarly);
        Assert.Equal(HttpStatusCode.OK, twoStepsEarly);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_address_out_like_wrong_passwords()
    {
        var (_, email, _) = await PersonAsync("audit.view");
        var secret = await EnrolAsync(email);
        server.Time.Advance(TimeSpan.FromSeconds(30));

        // Someone who knows the password guesses codes, entering the password again before each
        // guess: the right password alone must not forget the failures, or the guesses never end.
        using var guesser = Browser("203.0.113.77");
        for (var i = 0; i < SignInLockout.AddressFailures; i++)
        {
            await guesser.SignInAsync(email, SignInPeople.Password);
            await EnterCodeAsync(guesser, (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await guesser.GetAsync("console/sign-in");
        await guesser.PostAsync("console/sign-in", ("Email", email), ("Password", SignInPeople.Password));
        var rightCodeWhileLocked = await EnterCodeAsync(guesser, Code(secret, server.Time.GetUtcNow()));
        var fromOwnAddress = await SignInWithCodeAsync(email, Code(secret, server.Time.GetUtcNow()), "192.0.2.40");

        Assert.Equal(HttpStatusCode.OK, rightCodeWhileLocked.StatusCode);
        Assert.False(guesser.HasCookie(ConsoleAuthentication.CookieName));
        Assert.Equal(HttpStatusCode.Redirect, fromOwnAddress);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_audited_without_the_code()
    {
        var (org, email, id) = await PersonAsync("audit.view");
        string[] recoveryCodes = [];
        await EnrolAsync(email, codes => recoveryCodes = [.. codes]);

        var first = await SignInWithCodeAsync(email, recoveryCodes[3], "192.0.2.50");
        var again = await SignInWithCodeAsync(email, recoveryCodes[3], "192.0.2.51");
        var another = await SignInWithCodeAsync(email, recoveryCodes[4].ToUpperInvariant(), "192.0.2.52");

        Assert.Equal(10, recoveryCodes.Length);
        Assert.Equal(HttpStatusCode.Redirect, first);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.Redirect, another);
        var audit = await AuditAsync(org, id);
        Assert.Equal(2, audit.Count(e => (string?)e["action"] == "second_factor.recovery_code.use"));
        Assert.Single(audit, e => (string?)e["action"] == "second_factor.enrol");
        Assert.DoesNotContain(recoveryCodes[3], string.Join('\n', audit.Select(e => e.ToJsonString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_sends_an_administrator_without_a_factor_to_enrol_before_any_page()
    {
        var (org, admin, _) = await PersonAsync(Everything);
        var plain = $"plain-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, plain, "audit.view");
        using (var api = AdminClient(org, admin))
        {
            var patched = await api.PatchAsJsonAsync("sso/settings", new { administratorsNeedSecondFactor = true });
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            Assert.True((bool)(await patched.Content.ReadFromJsonAsync<JsonObject>())!["administratorsNeedSecondFactor"]!);
        }

        var basic = await SignInPeople.BasicAsync(server, org, admin, SignInPeople.Password, "192.0.2.60");
        using var browser = Browser();
        var next = await browser.SignInAsync(admin, SignInPeople.Password);
        var account = await browser.GetAsync("console/account");
        await browser.GetAsync(ConsoleAuthentication.SecondFactorEnrolmentPath);
        await browser.PostAsync(ConsoleAuthentication.SecondFactorEnrolmentPath + "?handler=Start");
        var secret = browser.Field("authenticator-secret");
        await browser.PostAsync(ConsoleAuthentication.SecondFactorEnrolmentPath + "?handler=Confirm", ("Code", "000000"));
        var mistyped = browser.Html;
        await browser.PostAsync(ConsoleAuthentication.SecondFactorEnrolmentPath + "?handler=Confirm", ("Code", Code(secret, server.Time.GetUtcNow())));
        var codes = browser.RecoveryCodes();
        var after = await browser.GetAsync("console/account");
        using var plainBrowser = Browser();
        var plainNext = await plainBrowser.SignInAsync(plain, SignInPeople.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(ConsoleAuthentication.SecondFactorEnrolmentPath, next);
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("That is not the code the app shows now", mistyped, StringComparison.Ordinal);
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("/console", plainNext);
    }

    [Fact]
    public async Task Resetting_someone_elses_factor_needs_every_permission_they_hold()
    {
        var (org, admin, adminId) = await PersonAsync(Everything);
        var editor = $"editor-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, editor, "employees.view", "employees.edit");
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, other, Everything);
        await EnrolAsync(admin);

        using var editorBrowser = Browser();
        Assert.Equal("/console", await editorBrowser.SignInAsync(editor, SignInPeople.Password));
        await editorBrowser.GetAsync($"console/employees/{adminId}");
        var byEditor = await editorBrowser.PostAsync($"console/employees/{adminId}?handler=ResetSecondFactor");
        var stillAsked = await NextAfterPasswordAsync(admin);

        using var otherBrowser = Browser();
        Assert.Equal("/console", await otherBrowser.SignInAsync(other, SignInPeople.Password));
        await otherBrowser.GetAsync($"console/employees/{adminId}");
        var byAdministrator = await otherBrowser.PostAsync($"console/employees/{adminId}?handler=ResetSecondFactor");
        var afterReset = await NextAfterPasswordAsync(admin);

        Assert.Equal(HttpStatusCode.OK, byEditor.StatusCode);
        Assert.Contains("needs every permission they hold", WebUtility.HtmlDecode(editorBrowser.Html), StringComparison.Ordinal);
        Assert.Equal(ConsoleAuthentication.SecondFactorPath, stillAsked);
        Assert.Equal(HttpStatusCode.Redirect, byAdministrator.StatusCode);
        Assert.Equal("/console", afterReset);
        Assert.Single(await AuditAsync(org, adminId), e => (string?)e["action"] == "second_factor.reset");
    }

    [Fact]
    public async Task The_admin_api_shows_and_resets_a_factor_under_the_same_rule_as_the_console()
    {
        var (org, admin, adminId) = await PersonAsync(Everything);
        var editor = $"editor-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, editor, "employees.view", "employees.edit");
        var other = $"other-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, other, Everything);
        await EnrolAsync(admin);

        using var editorApi = AdminClient(org, editor);
        var shown = await (await editorApi.GetAsync($"employees/{adminId}/second-factor")).Content.ReadFromJsonAsync<JsonObject>();
        using var byEditor = await editorApi.SendAsync(Delete($"employees/{adminId}/second-factor"));
        var stillAsked = await NextAfterPasswordAsync(admin);

        using var otherApi = AdminClient(org, other);
        using var byAdministrator = await otherApi.SendAsync(Delete($"employees/{adminId}/second-factor"));
        using var again = await otherApi.SendAsync(Delete($"employees/{adminId}/second-factor"));
        var after = await (await otherApi.GetAsync($"employees/{adminId}/second-factor")).Content.ReadFromJsonAsync<JsonObject>();
        using var unknown = await otherApi.GetAsync($"employees/{Guid.NewGuid()}/second-factor");

        Assert.True((bool)shown!["enrolled"]!);
        Assert.Equal(10, (int)shown["recoveryCodesLeft"]!);
        Assert.DoesNotContain("secret", shown.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Contains("every permission", await byEditor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ConsoleAuthentication.SecondFactorPath, stillAsked);
        Assert.Equal(HttpStatusCode.NoContent, byAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.False((bool)after!["enrolled"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("/console", await NextAfterPasswordAsync(admin));
        Assert.Single(await AuditAsync(org, adminId), e => (string?)e["action"] == "second_factor.reset");
    }

    [Fact]
    public async Task A_stale_or_forged_half_signed_in_cookie_grants_nothing()
    {
        var (_, email, _) = await PersonAsync("audit.view");
        var secret = await EnrolAsync(email);

        using var browser = Browser();
        await browser.SignInAsync(email, SignInPeople.Password);
        await browser.GetAsync(ConsoleAuthentication.SecondFactorPath);
        server.Time.Advance(PendingSignIns.Lifetime + TimeSpan.FromSeconds(1));
        var late = await browser.PostAsync(ConsoleAuthentication.SecondFactorPath, ("Code", Code(secret, server.Time.GetUtcNow())));

        using var forger = Browser();
        await forger.GetAsync(ConsoleAuthentication.SecondFactorPath);
        var forged = forger.Html;

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Sign-in took too long", browser.Html, StringComparison.Ordinal);
        Assert.False(browser.HasCookie(ConsoleAuthentication.CookieName));
        Assert.Contains("Sign-in took too long", forged, StringComparison.Ordinal);
    }

    private ConsoleBrowser Browser(string address = "192.0.2.10") => new(server.BaseAddress, address);

    private async Task<(Guid OrgId, string Email, Guid Id)> PersonAsync(params string[] permissions)
    {
        var tenant = await server.CreateTenantAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        return (tenant.OrgId, email, await SignInPeople.ActiveAsync(server, tenant.OrgId, email, permissions));
    }

    /// <summary>Sets up an authenticator app on the person's own page; answers its secret, as the page showed it.</summary>
    private async Task<string> EnrolAsync(string email, Action<IReadOnlyList<string>>? recoveryCodes = null)
    {
        using var browser = Browser();
        Assert.Equal("/console", await browser.SignInAsync(email, SignInPeople.Password));
        await browser.GetAsync("console/account");
        await browser.PostAsync("console/account?handler=StartSecondFactor");
        var secret = browser.Field("authenticator-secret");
        Assert.Contains("otpauth://totp/Roster:", browser.Field("authenticator-uri"), StringComparison.Ordinal);
        var confirmed = await browser.PostAsync("console/account?handler=ConfirmSecondFactor", ("Code", Code(secret, server.Time.GetUtcNow())));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = browser.RecoveryCodes();
        Assert.Equal(10, codes.Count);
        recoveryCodes?.Invoke(codes);
        return secret;
    }

    private async Task<HttpStatusCode> SignInWithCodeAsync(string email, string code, string address)
    {
        using var browser = Browser(address);
        Assert.Equal(ConsoleAuthentication.SecondFactorPath, await browser.SignInAsync(email, SignInPeople.Password));
        using var response = await EnterCodeAsync(browser, code);
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> EnterCodeAsync(ConsoleBrowser browser, string code)
    {
        await browser.GetAsync(ConsoleAuthentication.SecondFactorPath);
        return await browser.PostAsync(ConsoleAuthentication.SecondFactorPath, ("Code", code));
    }

    private async Task<string> NextAfterPasswordAsync(string email)
    {
        using var browser = Browser();
        return await browser.SignInAsync(email, SignInPeople.Password);
    }

    private static string Code(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    private static HttpRequestMessage Delete(string path) =>
        new(HttpMethod.Delete, path) { Content = new StringContent("", System.Text.Encoding.UTF8, "application/json") };

    private HttpClient AdminClient(Guid org, string email)
    {
        var http = server.CreateClient(null, $"api/v1/orgs/{org}/");
        http.DefaultRequestHeaders.Authorization = SignInPeople.Basic(email, SignInPeople.Password);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.99");
        return http;
    }

    private async Task<List<JsonObject>> AuditAsync(Guid org, Guid resourceId)
    {
        var page = await server.Services.GetRequiredService<Roster.Directory.Audit.ListAuditEvents>()
            .ExecuteAsync(org, new Roster.Directory.Audit.AuditQuery { ResourceId = resourceId, PageSize = 200 }, CancellationToken.None);
        Assert.True(page.IsSuccess);
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        return [.. page.Value.Events.Select(e => System.Text.Json.JsonSerializer.SerializeToNode(e, options)!.AsObject())];
    }
}

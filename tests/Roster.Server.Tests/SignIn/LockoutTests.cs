using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Console.Pages;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.SignIn;

/// <summary>
/// Nobody can lock an administrator out by guessing: wrong passwords lock the guessing address
/// out first, and only for a while; the profile as a whole locks only under guesses from many
/// addresses, never for the tenant's last administrator, and the person unlocks it with an
/// emailed link. Over HTTP, each address a trusted proxy's X-Forwarded-For.
/// </summary>
[Collection(SignInCollectionDefinition.Name)]
public sealed partial class LockoutTests(SignInServerFixture server)
{
    private const string Guesser = "203.0.113.66";
    private const string Owner = "192.0.2.10";

    [Fact]
    public async Task A_guessing_address_is_locked_out_while_the_person_signs_in_from_their_own()
    {
        var (org, email) = await PersonAsync("audit.view");

        for (var i = 0; i < SignInLockout.AddressFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Basic(org, email, "guess " + i, Guesser)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Basic(org, email, SignInPeople.Password, Guesser)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Basic(org, email, SignInPeople.Password, Owner)).StatusCode);
    }

    [Fact]
    public async Task A_lock_runs_out_by_itself_and_the_next_one_lasts_twice_as_long()
    {
        var (org, email) = await PersonAsync("audit.view");

        await GuessAsync(org, email, SignInLockout.AddressFailures);
        server.Time.Advance(TimeSpan.FromSeconds(59));
        var afterFiftyNineSeconds = await Basic(org, email, SignInPeople.Password, Guesser);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        await GuessAsync(org, email, SignInLockout.AddressFailures);
        server.Time.Advance(TimeSpan.FromSeconds(119));
        var secondLockNearItsEnd = await Basic(org, email, SignInPeople.Password, Guesser);
        server.Time.Advance(TimeSpan.FromSeconds(1));
        var afterwards = await Basic(org, email, SignInPeople.Password, Guesser);

        Assert.Equal(HttpStatusCode.Unauthorized, afterFiftyNineSeconds.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondLockNearItsEnd.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_is_never_locked_out_and_another_one_can_be()
    {
        var tenant = await server.CreateTenantAsync();
        var everything = Permission.All.Select(p => p.Key).ToArray();
        var last = $"last-{Guid.NewGuid():N}@example.com";
        var lastId = await SignInPeople.ActiveAsync(server, tenant.OrgId, last, everything);

        await SignInPeople.LockAsync(server, tenant.OrgId, last);
        await SignInPeople.LockAsync(server, tenant.OrgId, last, "198.51.101.");
        var lastFromOwnAddress = await Basic(tenant.OrgId, last, SignInPeople.Password, Owner);

        var second = $"second-{Guid.NewGuid():N}@example.com";
        var secondId = await SignInPeople.ActiveAsync(server, tenant.OrgId, second, everything);
        await SignInPeople.LockAsync(server, tenant.OrgId, second);
        var secondFromOwnAddress = await Basic(tenant.OrgId, second, SignInPeople.Password, Owner);

        Assert.Equal(HttpStatusCode.OK, lastFromOwnAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, secondFromOwnAddress.StatusCode);
        var admin = AdminClient(tenant.OrgId, last);
        var locked = (await admin.GetFromJsonAsync<JsonObject>("employees?status=locked"))!["employees"]!.AsArray();
        Assert.Equal(secondId.ToString(), (string?)Assert.Single(locked)!["id"]);
        Assert.Contains(await EventsAsync(admin, lastId), e => (string?)e["action"] == AuditActions.EmployeeThrottle);
        Assert.DoesNotContain(await EventsAsync(admin, lastId), e => (string?)e["action"] == AuditActions.EmployeeLock && (string?)e["changes"]!["scope"] == "account");
        Assert.Contains(await EventsAsync(admin, secondId), e => (string?)e["action"] == AuditActions.EmployeeLock && (string?)e["changes"]!["scope"] == "account");
    }

    [Fact]
    public async Task A_locked_person_unlocks_themselves_with_the_emailed_link_which_works_once()
    {
        var tenant = await server.CreateTenantAsync();
        var admin = $"admin-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, tenant.OrgId, admin, [.. Permission.All.Select(p => p.Key)]);
        var (org, email) = (tenant.OrgId, $"ada-{Guid.NewGuid():N}@example.com");
        var id = await SignInPeople.ActiveAsync(server, org, email, "audit.view");
        await SignInPeople.LockAsync(server, org, email);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Basic(org, email, SignInPeople.Password, Owner)).StatusCode);

        var asked = await PostFormAsync("console/unlock", Owner, ("Email", email));
        var link = UnlockLink().Match(server.Mail.LastTo(email).TextBody).Value;
        var token = Uri.UnescapeDataString(link[(link.IndexOf("#token=", StringComparison.Ordinal) + "#token=".Length)..]);
        var unlocked = await PostFormAsync("unlock", Owner, ("Token", token));
        var again = await PostFormAsync("unlock", Owner, ("Token", token));

        Assert.Contains(HtmlEncoder.Default.Encode(UnlockRequestModel.SentNotice), asked, StringComparison.Ordinal);
        Assert.StartsWith(new Uri(server.BaseAddress, "unlock#token=").ToString(), link, StringComparison.Ordinal);
        Assert.Contains($"Your account {email} is unlocked.", unlocked, StringComparison.Ordinal);
        Assert.Contains(HtmlEncoder.Default.Encode(UnlockByLink.InvalidLink), again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Basic(org, email, SignInPeople.Password, Owner)).StatusCode);
        var unlock = Assert.Single(await EventsAsync(AdminClient(org, admin), id), e => (string?)e["action"] == AuditActions.EmployeeUnlock);
        Assert.Equal(UnlockByLink.Client, (string?)unlock["client"]);
    }

    [Fact]
    public async Task Asking_for_an_unlock_link_answers_the_same_whether_the_email_is_unknown_free_or_locked()
    {
        var (org, free) = await PersonAsync("audit.view");
        var locked = $"locked-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, org, locked, "audit.view");
        await SignInPeople.LockAsync(server, org, locked);
        var mails = server.Mail.Sent.Count;

        var answers = new List<string>();
        foreach (var email in new[] { $"nobody-{Guid.NewGuid():N}@example.com", free, locked, "not an email" })
        {
            answers.Add(await PostFormAsync("console/unlock", Owner, ("Email", email)));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(mails + 1, server.Mail.Sent.Count);
        Assert.Equal(locked, server.Mail.Sent.Last().To);
    }

    private async Task<(Guid OrgId, string Email)> PersonAsync(params string[] permissions)
    {
        var tenant = await server.CreateTenantAsync();
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        await SignInPeople.ActiveAsync(server, tenant.OrgId, email, permissions);
        return (tenant.OrgId, email);
    }

    private async Task GuessAsync(Guid org, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Basic(org, email, "guess " + i, Guesser)).StatusCode);
        }
    }

    private Task<HttpResponseMessage> Basic(Guid org, string email, string password, string address) =>
        SignInPeople.BasicAsync(server, org, email, password, address);

    private HttpClient AdminClient(Guid org, string email)
    {
        var http = server.CreateClient(null, $"api/v1/orgs/{org}/");
        http.DefaultRequestHeaders.Authorization = SignInPeople.Basic(email, SignInPeople.Password);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", Owner);
        return http;
    }

    private static async Task<List<JsonObject>> EventsAsync(HttpClient admin, Guid employeeId)
    {
        var page = await admin.GetFromJsonAsync<JsonObject>($"audit-events?resourceId={employeeId}&pageSize=200");
        return [.. page!["events"]!.AsArray().OfType<JsonObject>()];
    }

    /// <summary>A console form posted anonymously (with a fresh anti-forgery token) from <paramref name="address"/>; the page it answers, its token blanked.</summary>
    private async Task<string> PostFormAsync(string path, string address, params (string, string)[] fields)
    {
        var browser = await ConsoleSession.AnonymousAsync(server.BaseAddress);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = Requests.Form(path, browser.FormToken, fields);
        browser.Apply(request);
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FormToken().Replace(await response.Content.ReadAsStringAsync(), "TOKEN");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/unlock#token=[^\s&""<>]+")]
    private static partial Regex UnlockLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex FormToken();
}

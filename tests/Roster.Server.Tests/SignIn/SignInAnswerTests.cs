using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Roster.Directory.Employees;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.SignIn;

/// <summary>
/// Sign-in tells nobody who has an account or what state it is in: over HTTP Basic and on the
/// console's form, every kind of failure gets the same answer (apart from the per-request
/// traceId and anti-forgery token) and costs exactly one password-hash verification. Only the
/// right password earns more: a deactivated account's reason, the question which organization.
/// </summary>
[Collection(SignInCollectionDefinition.Name)]
public sealed partial class SignInAnswerTests(SignInServerFixture server)
{
    [Fact]
    public async Task Every_kind_of_failure_gets_the_same_basic_answer_for_the_same_work()
    {
        var people = await PeopleAsync();
        var answers = new List<(string Kind, string Answer, int Verifications)>();
        var address = 0;
        foreach (var (kind, email, password) in people.Failures)
        {
            var before = server.Hasher.Verifications;
            using var response = await SignInPeople.BasicAsync(server, people.OrgId, email, password, $"192.0.2.{++address}");
            answers.Add((kind, await BasicAnswerAsync(response), server.Hasher.Verifications - before));
        }

        var first = answers[0].Answer;
        Assert.Contains("401", first, StringComparison.Ordinal);
        Assert.Contains(SignInFailures.Generic, first, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.True(a.Answer == first, $"{a.Kind} answered {a.Answer}, an unknown email {first}"));
        Assert.All(answers, a => Assert.True(a.Verifications == 1, $"{a.Kind} verified {a.Verifications} password hashes"));
    }

    [Fact]
    public async Task Every_kind_of_failure_gets_the_same_sign_in_page_for_the_same_work()
    {
        var people = await PeopleAsync();
        var other = await server.CreateTenantAsync("Other org");
        await SignInPeople.ActiveAsync(server, other.OrgId, people.Shared, "audit.view");
        var failures = people.Failures.Append(("an email of two organizations, wrong password", people.Shared, "not the password"));
        var answers = new List<(string Kind, string Answer, int Verifications)>();
        var address = 0;
        foreach (var (kind, email, password) in failures)
        {
            var before = server.Hasher.Verifications;
            var page = await ConsoleSignInAsync(email, password, $"192.0.2.{100 + ++address}");
            answers.Add((kind, page.Replace(HtmlEncoder.Default.Encode(email), "EMAIL", StringComparison.Ordinal), server.Hasher.Verifications - before));
        }

        var first = answers[0].Answer;
        Assert.Contains(HtmlEncoder.Default.Encode(SignInFailures.Generic), first, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.True(a.Answer == first, $"{a.Kind} answered differently than an unknown email:\n{a.Answer}"));
        Assert.All(answers, a => Assert.True(a.Verifications == 1, $"{a.Kind} verified {a.Verifications} password hashes"));
    }

    [Fact]
    public async Task Only_the_right_password_earns_the_question_which_organization()
    {
        var people = await PeopleAsync();
        var other = await server.CreateTenantAsync("Other org");
        await SignInPeople.ActiveAsync(server, other.OrgId, people.Shared, "audit.view");

        var right = await ConsoleSignInAsync(people.Shared, SignInPeople.Password, "192.0.2.200");
        var wrong = await ConsoleSignInAsync(people.Shared, "not the password", "192.0.2.201");

        Assert.Contains("This email belongs to several organizations", right, StringComparison.Ordinal);
        Assert.DoesNotContain("This email belongs to several organizations", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_is_told_so_only_with_the_right_password()
    {
        var people = await PeopleAsync();

        using var right = await SignInPeople.BasicAsync(server, people.OrgId, people.Deactivated, SignInPeople.Password, "192.0.2.210");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains(SignInFailures.Deactivated, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<People> PeopleAsync()
    {
        var tenant = await server.CreateTenantAsync();
        var org = tenant.OrgId;
        var tag = Guid.NewGuid().ToString("N")[..10];
        string Email(string who) => $"{who}-{tag}@example.com";
        await SignInPeople.ActiveAsync(server, org, Email("active"), "audit.view");
        await SignInPeople.InvitedAsync(server, org, Email("invited"), "audit.view");
        await tenant.Scim.CreateUserAsync(Email("provisioned"), $$"""  "emails":[{"value":"{{Email("provisioned")}}"}]""");
        var leaver = await SignInPeople.ActiveAsync(server, org, Email("deactivated"), "audit.view");
        var deactivate = await tenant.Scim.PatchAsync($"Users/{leaver}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.True(deactivate.IsSuccessStatusCode, await deactivate.Content.ReadAsStringAsync());
        await SignInPeople.ActiveAsync(server, org, Email("locked"), "audit.view");
        await SignInPeople.LockAsync(server, org, Email("locked"));
        var shared = Email("shared");
        await SignInPeople.ActiveAsync(server, org, shared, "audit.view");
        return new People(org, Email("deactivated"), shared,
        [
            ("an unknown email", Email("nobody"), SignInPeople.Password),
            ("an active account, wrong password", Email("active"), "not the password"),
            ("an invited account (no password yet)", Email("invited"), SignInPeople.Password),
            ("a SCIM-provisioned account (no password yet)", Email("provisioned"), SignInPeople.Password),
            ("a deactivated account, wrong password", Email("deactivated"), "not the password"),
            ("a locked account, right password", Email("locked"), SignInPeople.Password),
            ("a locked account, wrong password", Email("locked"), "not the password"),
            ("a look-alike of an active account's email", Email("active").Replace('@', '\uFF20'), SignInPeople.Password),
        ]);
    }

    // The traceId differs on every request, whoever it is for.
    private static async Task<string> BasicAnswerAsync(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return $"{(int)response.StatusCode} {response.Headers.WwwAuthenticate} {response.Content.Headers.ContentType} {body.ToJsonString()}";
    }

    private async Task<string> ConsoleSignInAsync(string email, string password, string address)
    {
        var browser = await ConsoleSession.AnonymousAsync(server.BaseAddress);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = Requests.Form("console/sign-in", browser.FormToken, ("Email", email), ("Password", password));
        browser.Apply(request);
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {FormToken().Replace(page, "TOKEN")}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex FormToken();

    private sealed record People(Guid OrgId, string Deactivated, string Shared, IReadOnlyList<(string Kind, string Email, string Password)> Failures);
}

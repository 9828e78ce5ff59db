using System.Net;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>Guessing secrets at the token endpoint or the sign-in page meets 429 with Retry-After; others pass.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ThrottlingTests(RosterServerFixture server)
{
    [Fact]
    public async Task The_31st_token_request_of_one_client_in_a_minute_is_429_with_Retry_After_and_another_client_still_passes()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        var other = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        using var http = server.CreateClient(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, "roster_sk_" + new string('x', 46))).StatusCode);
        }

        var refused = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        var otherClient = await http.ClientCredentialsPostAsync((string)other["accessKeyId"]!, (string)other["secretAccessKey"]!);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("temporarily_unavailable", (string?)(await refused.ReadJsonAsync())["error"]);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task The_11th_sign_in_attempt_for_one_email_in_a_minute_is_429()
    {
        using var http = server.CreateClient(null);
        var email = $"target-{Guid.NewGuid():N}@example.com";
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            last = await http.PostAsync("console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = $"guess-{i}" }));
        }

        var someoneElse = await http.PostAsync("console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "other@example.com", ["Password"] = "x" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
        Assert.Contains("try again", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, someoneElse.StatusCode);
    }

    [Fact]
    public async Task A_token_request_with_more_form_fields_than_the_reader_takes_is_a_400_not_a_500()
    {
        using var http = server.CreateClient(null);
        var fields = Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).Append(new("grant_type", "client_credentials"));

        var response = await http.PostAsync("auth/token", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Isolation;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Cli;

/// <summary>
/// The README's way in: <c>roster serve</c> on an empty data folder prints, beside the connector
/// URL and token, a setup link, and nothing a newcomer cannot act on; following it makes the first
/// administrator and opens the console. <c>init</c> prints one too, and <c>admin-link</c> issues
/// a new one only while the organization has no administrator.
/// </summary>
public sealed class FirstRunLinkTests
{
    [SqliteFact]
    public async Task A_first_start_prints_a_setup_link_that_leads_to_a_signed_in_console()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-first-run-");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite",
            ["Storage__ConnectionString"] = Path.Combine(folder.FullName, "roster.db"),
        };
        try
        {
            string orgId;
            await using (var node = await RosterNode.StartAsync("first run", environment))
            {
                Assert.DoesNotContain(node.Output, line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
                orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
                var link = node.BannerValue("Setup link:");
                Assert.StartsWith(new Uri(node.BaseAddress, "setup#token=").ToString(), link, StringComparison.Ordinal);

                var cookies = new CookieContainer();
                using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = node.BaseAddress };
                var root = await browser.GetAsync("");
                Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
                Assert.Equal("/console", root.Headers.Location?.OriginalString);

                var page = await browser.GetStringAsync("setup");
                var created = await browser.SendAsync(Requests.Form("setup", ConsoleSession.FormTokenIn(page),
                    ("Token", link.Split("#token=")[1]), ("Email", "ada@example.com"), ("FirstName", "Ada"), ("LastName", "Lovelace"),
                    ("Password", "a long enough password"), ("Confirmation", "a long enough password")));
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
                var console = await browser.GetAsync("console");
                Assert.Equal(HttpStatusCode.OK, console.StatusCode);
                var overview = await console.Content.ReadAsStringAsync();
                Assert.Contains("Create a role", overview, StringComparison.Ordinal);
                Assert.Contains("ada@example.com", overview, StringComparison.Ordinal);
            }

            var again = await RosterProcess.RunAsync(environment, "admin-link", "--tenant", orgId);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("already has an administrator", again.Error, StringComparison.Ordinal);

            var init = await RosterProcess.RunAsync(environment, "init", "--name", "Second", "--json", "--public-url", "https://roster.example.com");
            Assert.Equal(0, init.ExitCode);
            var second = JsonNode.Parse(init.Output)!;
            Assert.StartsWith("https://roster.example.com/setup#token=", second["setupLink"]!.GetValue<string>(), StringComparison.Ordinal);
            var issued = await RosterProcess.RunAsync(environment, "admin-link", "--tenant", second["orgId"]!.GetValue<string>(), "--public-url", "https://roster.example.com");
            Assert.Equal(0, issued.ExitCode);
            Assert.Contains("Setup link:           https://roster.example.com/setup#token=", issued.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(second["setupLink"]!.GetValue<string>(), issued.Output, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using Roster.Directory.Webhooks;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>
/// The SSRF defence on a server with no allowance (the default): internal addresses are refused
/// when registered, and a name that resolves to one is refused when sent, before any connection
/// (a receiver listening there gets nothing).
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class WebhookSsrfTests(RosterServerFixture server)
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks", "loopback")]
    [InlineData("http://127.1.2.3/hooks", "loopback")]
    [InlineData("http://[::1]/hooks", "loopback")]
    [InlineData("http://10.0.0.5/hooks", "private")]
    [InlineData("http://172.16.9.9/hooks", "private")]
    [InlineData("http://192.168.1.1/hooks", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[fd00:ec2::254]/hooks", "private")]
    [InlineData("http://[fe80::1]/hooks", "link-local")]
    [InlineData("http://100.64.0.1/hooks", "shared")]
    [InlineData("http://0.0.0.0/hooks", "this network")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks", "loopback")]
    [InlineData("http://[::ffff:169.254.169.254]/hooks", "link-local")]
    [InlineData("http://[64:ff9b::a00:1]/hooks", "private")]
    [InlineData("http://2130706433/hooks", "loopback")]
    public async Task An_internal_address_is_refused_when_registered(string url, string kind)
    {
        var admin = await server.CreateWebhookAdminAsync();

        var response = await admin.Http.PostAsJsonAsync("webhooks", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (string)(await response.ReadObjectAsync())["detail"]!;
        Assert.Contains(kind, detail, StringComparison.Ordinal);
        Assert.Empty(await admin.Http.GetFromJsonAsync<List<object>>("webhooks") ?? []);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_at_sending_and_nothing_connects()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        var admin = await server.CreateWebhookAdminAsync();
        var (id, _) = await admin.Http.RegisterWebhookAsync($"http://localhost:{receiver.Port}/hooks");

        var sent = await (await admin.Http.PostAsJsonAsync($"webhooks/{id}/test", new { })).ReadObjectAsync();

        Assert.False((bool)sent["succeeded"]!);
        Assert.StartsWith("Refused: ", (string)sent["error"]!, StringComparison.Ordinal);
        Assert.Contains("loopback", (string)sent["error"]!, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("127.0.0.1", "10.0.0.0/8", false)]
    [InlineData("10.20.30.40", "10.20.0.0/16", true)]
    [InlineData("10.21.0.1", "10.20.0.0/16", false)]
    [InlineData("93.184.216.34", "", true)]
    [InlineData("2606:2800:220:1::1", "", true)]
    public void The_operator_allows_a_network_and_nothing_more(string address, string allowed, bool passes)
    {
        var options = new WebhookOptions();
        if (allowed.Length > 0)
        {
            options.AllowedNetworks.Add(allowed);
        }

        Assert.Equal(passes, new WebhookNetworkPolicy(options).Refusal(IPAddress.Parse(address)) is null);
    }
}

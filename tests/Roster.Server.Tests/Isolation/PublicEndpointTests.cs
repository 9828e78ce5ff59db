using Xunit.Abstractions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The endpoints anyone may call (health, OpenAPI, activation, sign-in, the token endpoint, the
/// authorize page, SCIM's catch-all), called anonymously and with each of tenant B's
/// credentials: never a server error, never tenant A's data, and another tenant's client_id or
/// email is answered as a made-up one is.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class PublicEndpointTests(TwoTenants world, ITestOutputHelper output)
{
    [Fact]
    public async Task Public_endpoints_reveal_nothing_of_another_tenant()
    {
        var (a, b) = (world.A, world.B);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var credentials = new List<Credential?> { null, await ConsoleSession.AnonymousAsync(world.Server.BaseAddress) };
        credentials.AddRange(b.All);
        var cases = EndpointCatalogue.Of(Surface.Public).ToList();

        foreach (var endpointCase in cases)
        {
            // A sign-in form or a token request carries its own credentials; a session or a bearer
            // token adds nothing to them, and each try counts against the account's sign-in limit.
            foreach (var credential in endpointCase.UsesIds ? credentials.Take(2) : credentials)
            {
                var foreign = await exchange.SendAsync(endpointCase, new CaseTarget(a.OrgId, a.Ids, b.Ids, null), credential);
                leaks.Check(foreign.Code < 500, endpointCase, credential, "a server error", foreign);
                leaks.CheckNoMarks(a.Marks.Except(a.Ids.Values(), StringComparer.OrdinalIgnoreCase).Except([a.OrgId.ToString()]), endpointCase, credential, foreign);
                if (endpointCase.UsesIds)
                {
                    var random = await exchange.SendAsync(endpointCase, new CaseTarget(a.OrgId, ResourceIds.Random(), b.Ids, null), credential);
                    leaks.Check(foreign.SaysTheSameAs(random), endpointCase, credential, "answered differently than for made-up ids: " + foreign.DifferenceFrom(random), foreign);
                }
            }
        }

        output.WriteLine($"{cases.Count} cases x {credentials.Count} credentials: {exchange.Sent} requests, {leaks.Checked} checks.");
        leaks.AssertNone("public endpoints");
    }
}

using Xunit.Abstractions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Every credential of tenant B, aimed at tenant A's URLs (A's org ID in the path) with A's
/// resource ids, on every SCIM and admin endpoint: refused (401/403), with nothing of A in the
/// answer, and answered exactly as for an org ID that does not exist, so B learns nothing,
/// not even that A exists.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class CrossTenantUrlTests(TwoTenants world, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_credential_of_B_is_refused_on_every_endpoint_of_A_as_on_an_unknown_org()
    {
        var (a, b) = (world.A, world.B);
        var before = await TenantSnapshot.TakeAsync(a);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var cases = EndpointCatalogue.Of(Surface.ScimInOrg, Surface.Admin).ToList();
        var credentials = b.All.ToList();

        // A password is checked with PBKDF2 whether or not the email exists, and that is where the
        // time goes; an unknown org's answer to a password does not depend on the endpoint (the
        // sign-in fails before routing reaches it), so it is asked once per credential and method.
        var unknownOrgAnswers = new System.Collections.Concurrent.ConcurrentDictionary<(string, Surface, string), Task<Answer>>();
        Task<Answer> AskUnknownOrg(EndpointCase endpointCase, Credential credential)
        {
            var ask = () => exchange.SendAsync(endpointCase, new CaseTarget(Guid.NewGuid(), ResourceIds.Random(), b.Ids, null), credential);
            return credential.Authorization?.StartsWith("Basic ", StringComparison.Ordinal) == true
                ? unknownOrgAnswers.GetOrAdd((credential.Kind, endpointCase.Surface, endpointCase.Endpoint.Split(' ')[0]), _ => ask())
                : ask();
        }

        await Exchange.RunAsync(cases.SelectMany(c => credentials.Select(k => (Case: c, Credential: k))), async cell =>
        {
            var (endpointCase, credential) = cell;
            {
                var nowhere = await AskUnknownOrg(endpointCase, credential);
                var atA = await exchange.SendAsync(endpointCase, new CaseTarget(a.OrgId, a.Ids, b.Ids, null), credential);

                leaks.Check(atA.Code is 401 or 403, endpointCase, credential, "expected 401 or 403", atA);
                leaks.Check(atA.SaysTheSameAs(nowhere), endpointCase, credential, "answered differently than for an unknown org: " + atA.DifferenceFrom(nowhere), atA);
                leaks.CheckNoMarks(a.Marks, endpointCase, credential, atA);
            }
        });

        output.WriteLine($"{cases.Count} cases x {credentials.Count} credentials of B: {exchange.Sent} requests, {leaks.Checked} checks.");
        leaks.AssertNone("B's credentials on A's URLs");
        Assert.Equal(before, await TenantSnapshot.TakeAsync(a));
    }
}

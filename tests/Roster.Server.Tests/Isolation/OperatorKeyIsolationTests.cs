using Roster.Directory.Operators;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// An operator key reaches every tenant through the operator API, and nowhere else: on every
/// endpoint of a tenant's SCIM API, admin API and console it is refused, and the tenant is unchanged.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class OperatorKeyIsolationTests(TwoTenants world, ITestOutputHelper output)
{
    [Fact]
    public async Task An_operator_key_is_refused_on_every_endpoint_of_a_tenant()
    {
        var a = world.A;
        var issued = await world.Server.Services.GetRequiredService<OperatorKeys>().CreateAsync(OperatorActor.Cli, "isolation", CancellationToken.None);
        Assert.True(issued.IsSuccess);
        var key = Credential.Bearer("operator key", issued.Value.Secret);
        var before = await TenantSnapshot.TakeAsync(a);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var cases = EndpointCatalogue.Of(Surface.ScimInOrg, Surface.ScimWithoutOrg, Surface.Admin, Surface.Console).ToList();
        var dataOfA = a.Marks.Except(a.Ids.Values(), StringComparer.OrdinalIgnoreCase).ToList();

        await Exchange.RunAsync(cases, async endpointCase =>
        {
            var answer = await exchange.SendAsync(endpointCase, new CaseTarget(a.OrgId, a.Ids, a.Ids, null), key);

            var refused = endpointCase.Surface == Surface.Console
                ? answer.Code == 403 || (answer.Code == 302 && answer.Location?.Contains("/console/sign-in", StringComparison.Ordinal) == true)
                : answer.Code is 401 or 403;
            leaks.Check(refused, endpointCase, key, "expected a refusal", answer);
            leaks.CheckNoMarks(dataOfA, endpointCase, key, answer);
        });

        output.WriteLine($"{cases.Count} cases: {exchange.Sent} requests, {leaks.Checked} checks.");
        leaks.AssertNone("an operator key on a tenant's endpoints");
        Assert.Equal(before, await TenantSnapshot.TakeAsync(a));
    }
}

using Xunit.Abstractions;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Credentials of tenant A aimed at A's own URLs and real ids that must nonetheless be refused on
/// every endpoint: expired, revoked, owner or key deactivated, an access token without the scim
/// scope, a credential of one API used on another (a SCIM token on the admin API, a password on
/// SCIM, a console cookie on either), and an employee without the permission an endpoint needs.
/// The answer is a refusal with nothing of the tenant's data in it.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class RefusedCredentialTests(TwoTenants world, ITestOutputHelper output)
{
    [Fact]
    public async Task Refused_credentials_get_nothing_on_any_endpoint()
    {
        var a = world.A;
        var before = await TenantSnapshot.TakeAsync(a);
        using var exchange = new Exchange(world.Server.BaseAddress);
        var leaks = new Leaks();
        var cells = EndpointCatalogue.All.Where(c => c.Surface != Surface.Public)
            .SelectMany(c => RefusedOn(a, c).Select(k => (Case: c, Credential: k)))
            .ToList();
        var dataOfA = a.Marks.Except(a.Ids.Values(), StringComparer.OrdinalIgnoreCase).ToList();

        await Exchange.RunAsync(cells, async cell =>
        {
            var (endpointCase, credential) = cell;
            var answer = await exchange.SendAsync(endpointCase, new CaseTarget(a.OrgId, a.Ids, a.Ids, null), credential);

            leaks.Check(IsRefusal(endpointCase.Surface, answer), endpointCase, credential, "expected a refusal", answer);
            leaks.CheckNoMarks(dataOfA, endpointCase, credential, answer);
        });

        output.WriteLine($"{cells.Count} cells: {exchange.Sent} requests, {leaks.Checked} checks.");
        leaks.AssertNone("refused credentials");
        Assert.Equal(before, await TenantSnapshot.TakeAsync(a));
    }

    /// <summary>401 or 403 on the APIs; on the console, a 403 or the way back to the sign-in page.</summary>
    private static bool IsRefusal(Surface surface, Answer answer) => surface == Surface.Console
        ? answer.Code == 403 || (answer.Code == 302 && answer.Location?.Contains("/console/sign-in", StringComparison.Ordinal) == true)
        : answer.Code is 401 or 403;

    /// <summary>Every credential of the tenant that <paramref name="endpointCase"/> must refuse.</summary>
    private static IEnumerable<Credential> RefusedOn(TenantWorld tenant, EndpointCase endpointCase)
    {
        var scim = endpointCase.Surface is Surface.ScimInOrg or Surface.ScimWithoutOrg;
        var admin = endpointCase.Surface == Surface.Admin;
        var console = endpointCase.Surface == Surface.Console;
        foreach (var refused in tenant.Refused)
        {
            yield return refused;
        }

        if (!scim)
        {
            foreach (var token in tenant.Scim)
            {
                yield return token;
            }
        }

        if (!admin)
        {
            yield return tenant.Admin;
        }

        if (!console)
        {
            yield return tenant.ConsoleAdmin;
        }

        if (!admin || endpointCase.NeedsPermission)
        {
            yield return tenant.PowerlessAdmin;
        }

        if (!console || endpointCase.NeedsPermission)
        {
            yield return tenant.PowerlessConsole;
        }
    }
}

using System.Net;
using Roster.Directory.Provisioning;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>Refused SCIM requests of an authenticated tenant are recorded for the console; anonymous ones are not.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RefusedRequestRecordTests(RosterServerFixture server)
{
    [Fact]
    public async Task A_refused_request_is_recorded_with_its_answer_and_only_for_its_tenant()
    {
        var tenant = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        tenant.Scim.DefaultRequestHeaders.UserAgent.ParseAdd("Okta SCIM Client 1.0.0");

        var refused = await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("userName zz \"x\""));
        using var anonymous = server.CreateClient(null, $"scim/v2/{tenant.OrgId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("Users")).StatusCode);

        var errors = server.Services.GetRequiredService<ScimCallErrors>();
        var recorded = Assert.Single(await errors.LatestAsync(tenant.OrgId, DateTimeOffset.UtcNow.AddHours(-1), 10, CancellationToken.None));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(400, recorded.Status);
        Assert.Equal("invalidFilter", recorded.ScimType);
        Assert.Equal("GET", recorded.Method);
        Assert.Contains("/Users?filter=", recorded.Path, StringComparison.Ordinal);
        Assert.Equal("Okta", recorded.Client);
        Assert.NotNull(recorded.CredentialId);
        Assert.Equal(recorded, await errors.FindAsync(tenant.OrgId, recorded.Id, CancellationToken.None));
        Assert.Null(await errors.FindAsync(other.OrgId, recorded.Id, CancellationToken.None));
        Assert.Empty(await errors.LatestAsync(other.OrgId, DateTimeOffset.UtcNow.AddHours(-1), 10, CancellationToken.None));
    }
}

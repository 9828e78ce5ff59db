using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminScimSettingsTests(RosterServerFixture server)
{
    [Fact]
    public async Task Settings_start_inactive_with_the_base_connector_url_and_turn_active_after_a_scim_call()
    {
        var admin = await server.CreateAdminAsync("scim.manage");

        var before = await (await admin.Http.GetAsync("scim-settings")).ReadObjectAsync();
        using var scim = new HttpRequestMessage(HttpMethod.Get, "Users");
        scim.Headers.UserAgent.ParseAdd("Okta-SCIM/1.0");
        (await admin.Tenant.Scim.SendAsync(scim)).EnsureSuccessStatusCode();
        var after = await (await admin.Http.GetAsync("scim-settings")).ReadObjectAsync();

        Assert.Equal("inactive", before["status"]!.GetValue<string>());
        Assert.True(before["enabled"]!.GetValue<bool>());
        Assert.Equal($"{server.BaseAddress.ToString().TrimEnd('/')}/scim/v2/{admin.OrgId}", before["baseConnectorUrl"]!.GetValue<string>());
        Assert.Equal("active", after["status"]!.GetValue<string>());
        Assert.Equal("Okta", after["lastClient"]!.GetValue<string>());
        Assert.NotNull(after["lastCallAt"]);
    }

    [Fact]
    public async Task Put_saves_every_setting_and_the_audit_log_credits_the_employee()
    {
        var admin = await server.CreateAdminAsync("scim.manage", "roles.manage", "audit.view");
        var role = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" })).ReadObjectAsync()).Id();

        var response = await admin.Http.PutAsJsonAsync("scim-settings", new
        {
            enabled = false,
            defaultRoleId = role,
            requiredRoleId = (string?)null,
            userNameMustBePrimaryEmail = true,
            namesNotUpdatable = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.ReadObjectAsync();
        Assert.False(saved["enabled"]!.GetValue<bool>());
        Assert.Equal(role, saved["defaultRoleId"]!.GetValue<string>());
        Assert.True(saved["userNameMustBePrimaryEmail"]!.GetValue<bool>());
        var audit = await (await admin.Http.GetAsync("audit-events?action=scim.settings.update")).ReadObjectAsync();
        var entry = audit["events"]!.AsArray().Single()!;
        Assert.Equal(admin.EmployeeId, Guid.Parse(entry["actorProfileId"]!.GetValue<string>()));
        Assert.Equal("admin-api", entry["client"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_without_a_switch_or_with_an_unknown_role_is_400_naming_the_field()
    {
        var admin = await server.CreateAdminAsync("scim.manage");

        var missing = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = true });
        var unknown = await admin.Http.PutAsJsonAsync("scim-settings", new
        {
            enabled = true,
            defaultRoleId = Guid.NewGuid(),
            userNameMustBePrimaryEmail = false,
            namesNotUpdatable = false,
        });

        Assert.NotNull((await AdminAssert.ProblemAsync(missing, HttpStatusCode.BadRequest))["errors"]!["userNameMustBePrimaryEmail"]);
        Assert.NotNull((await AdminAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest))["errors"]!["defaultRoleId"]);
    }

    [Fact]
    public async Task Without_scim_manage_settings_are_403()
    {
        var admin = await server.CreateAdminAsync("roles.manage", "employees.edit");

        var get = await admin.Http.GetAsync("scim-settings");
        var put = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false });

        Assert.Contains("scim.manage", (await AdminAssert.ProblemAsync(get, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(put, HttpStatusCode.Forbidden);
    }
}

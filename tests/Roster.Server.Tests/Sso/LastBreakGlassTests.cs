using System.Net;
using System.Net.Http.Json;
using Roster.Directory.Administration;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// While an organization is SSO only, its last standing break-glass administrator (named, not
/// deactivated, holding <c>security.login.manage</c>) cannot be deleted, deactivated, taken off
/// the list or stripped of the permission by a grant, a role's permissions or a role's
/// deactivation: each is refused with the field at fault and nothing changes. A second standing
/// one lets the same change through. The administrator acts on themself, the only way in.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class LastBreakGlassTests(SsoServerFixture server)
{
    private static readonly string[] AllButLogin = [.. Permission.All.Select(p => p.Key).Where(k => k != Permission.SecurityLoginManage.Key)];

    [Fact]
    public async Task Deleting_the_last_break_glass_administrator_is_refused()
    {
        var (admin, _) = await SsoOnlyAsync();

        var refused = await admin.Http.DeleteNoBodyAsync($"employees/{admin.EmployeeId}");

        await AssertRefusedAsync(refused, HttpStatusCode.Conflict, null, admin.Email);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"employees/{admin.EmployeeId}")).StatusCode);
    }

    [Fact]
    public async Task Deactivating_the_last_break_glass_administrator_is_refused()
    {
        var (admin, _) = await SsoOnlyAsync();

        var refused = await admin.Http.PutAsJsonAsync($"employees/{admin.EmployeeId}", new { active = false });

        await AssertRefusedAsync(refused, HttpStatusCode.BadRequest, "active", admin.Email);
        Assert.Equal("active", (string?)(await (await admin.Http.GetAsync($"employees/{admin.EmployeeId}")).ReadObjectAsync())["status"]);
    }

    [Fact]
    public async Task Taking_the_last_break_glass_administrator_off_the_list_is_refused()
    {
        var (admin, _) = await SsoOnlyAsync();
        var viewer = await server.AddEmployeeAsync(admin.Tenant, "employees.view");

        var refused = await admin.Http.PatchAsJsonAsync("sso/settings", new { breakGlass = new[] { viewer.EmployeeId } });

        await AssertRefusedAsync(refused, HttpStatusCode.BadRequest, "breakGlass", admin.Email);
        var settings = await (await admin.Http.GetAsync("sso/settings")).ReadObjectAsync();
        Assert.Equal(new[] { admin.EmployeeId.ToString() }, settings["breakGlass"]!.AsArray().Select(i => (string)i!));
    }

    [Fact]
    public async Task Taking_the_role_from_the_last_break_glass_administrator_is_refused()
    {
        var (admin, login) = await SsoOnlyAsync();

        var revoked = await admin.Http.DeleteNoBodyAsync($"employees/{admin.EmployeeId}/role-grants/{login}");
        var narrowed = await admin.Http.PutAsJsonAsync($"roles/{login}/permissions", new { permissions = new[] { "audit.view" } });
        var deactivated = await admin.Http.PostNoBodyAsync($"roles/{login}/deactivate");

        await AssertRefusedAsync(revoked, HttpStatusCode.Conflict, null, admin.Email);
        await AssertRefusedAsync(narrowed, HttpStatusCode.BadRequest, "permissions", admin.Email);
        await AssertRefusedAsync(deactivated, HttpStatusCode.Conflict, null, admin.Email);
        var role = await (await admin.Http.GetAsync($"roles/{login}")).ReadObjectAsync();
        Assert.True((bool)role["active"]!);
        Assert.Contains(Permission.SecurityLoginManage.Key, role["permissions"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("sso/settings")).StatusCode);
    }

    [Fact]
    public async Task The_console_says_why_the_last_break_glass_administrator_stays()
    {
        var (admin, _) = await SsoOnlyAsync();
        var console = await ConsoleSession.SignInAsync(server.BaseAddress, "break-glass", admin.Email, admin.Password);

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = Requests.Form($"console/employees/{admin.EmployeeId}?handler=Delete", console.FormToken);
        console.Apply(request);
        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("without a break-glass administrator who can sign in", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"employees/{admin.EmployeeId}")).StatusCode);
    }

    [Fact]
    public async Task A_second_standing_break_glass_administrator_lets_the_change_through()
    {
        var (admin, login) = await SsoOnlyAsync();
        var second = await server.AddEmployeeAsync(admin.Tenant, Permission.SecurityLoginManage.Key);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync("sso/settings", new { breakGlass = new[] { admin.EmployeeId, second.EmployeeId } })).StatusCode);

        var revoked = await admin.Http.DeleteNoBodyAsync($"employees/{admin.EmployeeId}/role-grants/{login}");

        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A tenant that is SSO only, with SCIM provisioning off so that administrators manage people,
    /// and one break-glass administrator who holds <c>security.login.manage</c> through a role
    /// of its own, granted by hand (the other permissions come from their first role).
    /// </summary>
    private async Task<(AdminSession Admin, Guid LoginRole)> SsoOnlyAsync()
    {
        var admin = await server.CreateAdminAsync(AllButLogin);
        var services = server.Services;
        var operatorActor = AdminActor.Operator(admin.OrgId);
        var role = await services.GetRequiredService<CreateRole>().ExecuteAsync(operatorActor, $"Login {Guid.NewGuid():N}"[..18], [Permission.SecurityLoginManage.Key], CancellationToken.None);
        var granted = await services.GetRequiredService<ManualRoleGrants>().GrantAsync(operatorActor, admin.EmployeeId, role.Ok().Id, CancellationToken.None);
        Assert.True(granted.IsSuccess, granted.Error?.Detail);

        var scimOff = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false });
        Assert.Equal(HttpStatusCode.OK, scimOff.StatusCode);
        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Okta", issuer = "https://idp.example.com", clientId = "roster" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var on = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } });
        Assert.True(on.StatusCode == HttpStatusCode.OK, await on.Content.ReadAsStringAsync());
        return (admin, role.Ok().Id);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? field, string email)
    {
        var problem = await AdminAssert.ProblemAsync(response, status);
        var detail = (string?)problem["detail"];
        Assert.Contains("break-glass administrator", detail, StringComparison.Ordinal);
        Assert.Contains(email, detail, StringComparison.OrdinalIgnoreCase);
        if (field is not null)
        {
            Assert.Contains(field, problem["errors"]!.AsObject().Select(e => e.Key));
        }
    }
}

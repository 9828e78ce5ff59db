using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminEmployeeTests(RosterServerFixture server)
{
    [Fact]
    public async Task While_scim_is_on_creating_an_employee_is_409()
    {
        var admin = await server.CreateAdminAsync("employees.edit");

        var response = await admin.Http.PostAsJsonAsync("employees", new { email = "new@example.com", firstName = "New", lastName = "Person" });

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("SCIM", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_scim_is_on_a_credential_only_profile_is_created_changed_and_deleted_but_cannot_become_billed()
    {
        // CXone's service profile for access keys: not billed, no license, the administrators' own.
        var admin = await server.CreateAdminAsync("employees.edit");

        var created = await admin.Http.PostAsJsonAsync("employees", new { email = "scim-keys@example.com", firstName = "SCIM", lastName = "Keys", billing = new { billable = false } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();
        var renamed = await admin.Http.PutAsJsonAsync($"employees/{id}", new { lastName = "Access keys" });
        var billed = await admin.Http.PutAsJsonAsync($"employees/{id}", new { billing = new { billable = true } });
        var licensed = await admin.Http.PostAsJsonAsync("employees", new { email = "licensed@example.com", firstName = "L", lastName = "P", billing = new { billable = false, licenses = new[] { "agent" } } });
        var deleted = await admin.Http.DeleteNoBodyAsync($"employees/{id}");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await AdminAssert.ProblemAsync(billed, HttpStatusCode.Conflict);
        await AdminAssert.ProblemAsync(licensed, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task With_scim_off_employees_are_created_read_listed_updated_and_deleted()
    {
        var admin = await server.CreateAdminAsync("employees.edit", "scim.manage");
        await TurnScimOffAsync(admin);

        var created = await admin.Http.PostAsJsonAsync("employees", new { email = "grace@example.com", firstName = "Grace", lastName = "Hopper" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();
        var fetched = await (await admin.Http.GetAsync($"employees/{id}")).ReadObjectAsync();
        var listed = await (await admin.Http.GetAsync("employees?search=grace")).ReadObjectAsync();
        var updated = await admin.Http.PutAsJsonAsync($"employees/{id}", new { lastName = "Brewster Hopper", clearBilling = true });
        var deleted = await admin.Http.DeleteNoBodyAsync($"employees/{id}");
        var gone = await admin.Http.GetAsync($"employees/{id}");

        Assert.Equal("grace@example.com", fetched["email"]!.GetValue<string>());
        Assert.Equal("invited", fetched["status"]!.GetValue<string>());
        Assert.Contains(listed["employees"]!.AsArray(), e => e!["id"]!.GetValue<string>() == id);
        var changed = await updated.ReadObjectAsync();
        Assert.Equal("Brewster Hopper", changed["lastName"]!.GetValue<string>());
        Assert.False(changed["billing"]!["billable"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AdminAssert.ProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_with_a_bad_email_is_400_naming_the_field()
    {
        var admin = await server.CreateAdminAsync("employees.edit", "scim.manage");
        await TurnScimOffAsync(admin);

        var response = await admin.Http.PostAsJsonAsync("employees", new { email = "not-an-email", firstName = "A", lastName = "B" });

        Assert.NotNull((await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!["email"]);
    }

    [Fact]
    public async Task Invite_then_activate_lets_the_person_sign_in()
    {
        var admin = await server.CreateAdminAsync("employees.edit", "scim.manage");
        await TurnScimOffAsync(admin);
        var id = (await (await admin.Http.PostAsJsonAsync("employees", new { email = "linus@example.com", firstName = "Linus", lastName = "T" })).ReadObjectAsync()).Id();

        var invited = await admin.Http.PostNoBodyAsync($"employees/{id}/invite");
        var mail = server.Mail.LastTo("linus@example.com");
        using var anonymous = server.CreateClient(null);
        var weak = await anonymous.PostAsJsonAsync("api/v1/activation", new { token = AdminSessions.TokenFrom(mail.TextBody), password = "short" });
        var activated = await anonymous.PostAsJsonAsync("api/v1/activation", new { token = AdminSessions.TokenFrom(mail.TextBody), password = AdminSessions.Password });
        var again = await anonymous.PostAsJsonAsync("api/v1/activation", new { token = AdminSessions.TokenFrom(mail.TextBody), password = AdminSessions.Password });
        using var linus = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
        linus.DefaultRequestHeaders.Authorization = AdminSessions.Basic("linus@example.com", AdminSessions.Password);
        var org = await linus.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Contains($"{server.BaseAddress.ToString().TrimEnd('/')}/activate#token=", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await AdminAssert.ProblemAsync(weak, HttpStatusCode.BadRequest))["errors"]!["password"]);
        Assert.Equal("active", (await activated.ReadObjectAsync())["status"]!.GetValue<string>());
        await AdminAssert.ProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
    }

    [Fact]
    public async Task A_locked_employee_is_refused_until_unlocked()
    {
        var admin = await server.CreateAdminAsync("employees.edit");
        var victim = await server.AddEmployeeAsync(admin.Tenant, "roles.manage");
        using var wrong = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
        wrong.DefaultRequestHeaders.Authorization = AdminSessions.Basic(victim.Email, "wrong password!");
        for (var i = 0; i < 5; i++)
        {
            await wrong.GetAsync("roles");
        }

        var locked = await victim.Http.GetAsync("roles");
        var unlock = await admin.Http.PostNoBodyAsync($"employees/{victim.EmployeeId}/unlock");
        var after = await victim.Http.GetAsync("roles");

        await AdminAssert.ProblemAsync(locked, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_request_checks_the_password_once()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        using var wrong = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
        wrong.DefaultRequestHeaders.Authorization = AdminSessions.Basic(admin.Email, "wrong password!");

        // Three refused requests are three failures, below the lock threshold of five.
        for (var i = 0; i < 3; i++)
        {
            await AdminAssert.ProblemAsync(await wrong.GetAsync("roles"), HttpStatusCode.Unauthorized);
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("roles")).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_employees_view_and_changing_needs_employees_edit()
    {
        var viewer = await server.CreateAdminAsync("employees.view");
        var nobody = await server.AddEmployeeAsync(viewer.Tenant, "audit.view");

        var list = await viewer.Http.GetAsync("employees");
        var create = await viewer.Http.PostAsJsonAsync("employees", new { email = "x@example.com", firstName = "X", lastName = "Y" });
        var unlock = await viewer.Http.PostNoBodyAsync($"employees/{nobody.EmployeeId}/unlock");
        var invite = await viewer.Http.PostNoBodyAsync($"employees/{nobody.EmployeeId}/invite");
        var hidden = await nobody.Http.GetAsync($"employees/{viewer.EmployeeId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(2, (await list.ReadObjectAsync())["employees"]!.AsArray().Count);
        Assert.Contains("employees.edit", (await AdminAssert.ProblemAsync(create, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(unlock, HttpStatusCode.Forbidden);
        await AdminAssert.ProblemAsync(invite, HttpStatusCode.Forbidden);
        Assert.Contains("employees.view", (await AdminAssert.ProblemAsync(hidden, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employees_of_another_org_are_not_found()
    {
        var a = await server.CreateAdminAsync("employees.edit");
        var b = await server.CreateAdminAsync("employees.edit");

        await AdminAssert.ProblemAsync(await a.Http.GetAsync($"employees/{b.EmployeeId}"), HttpStatusCode.NotFound);
        await AdminAssert.ProblemAsync(await a.Http.PostNoBodyAsync($"employees/{b.EmployeeId}/unlock"), HttpStatusCode.NotFound);
        var list = await (await a.Http.GetAsync("employees")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(b.Email, list, StringComparison.Ordinal);
    }

    private static async Task TurnScimOffAsync(AdminSession admin)
    {
        var response = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false });
        response.EnsureSuccessStatusCode();
    }
}

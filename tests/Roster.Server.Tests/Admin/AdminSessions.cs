using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

/// <summary>
/// Signed-in employees for admin API tests, made through the directory's own use cases: a role
/// with the permissions asked for, a profile, an invitation and its activation.
/// </summary>
public static partial class AdminSessions
{
    public const string Password = "correct horse battery staple";

    /// <summary>A new tenant and an employee of it holding <paramref name="permissions"/>.</summary>
    public static async Task<AdminSession> CreateAdminAsync(this RosterServerFixture server, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(server);
        var tenant = await server.CreateTenantAsync();
        return await server.AddEmployeeAsync(tenant, permissions);
    }

    /// <summary>Another active employee of <paramref name="tenant"/> holding <paramref name="permissions"/>.</summary>
    public static async Task<AdminSession> AddEmployeeAsync(this RosterServerFixture server, TenantClient tenant, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(tenant);
        var services = server.Services;
        var operatorActor = AdminActor.Operator(tenant.OrgId);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var role = await services.GetRequiredService<CreateRole>().ExecuteAsync(operatorActor, $"Test role {suffix}", permissions, CancellationToken.None);
        var email = $"admin-{suffix}@example.com";
        var employee = await services.GetRequiredService<CreateEmployee>()
            .ExecuteAsync(operatorActor, new EmployeeDraft(email, "Ada", "Admin", role.Ok().Id), CancellationToken.None);
        Assert.True(employee.IsSuccess, employee.Error?.Detail);
        var invited = await services.GetRequiredService<InviteEmployee>()
            .ExecuteAsync(operatorActor, employee.Value.Id, "http://roster.test/activate", CancellationToken.None);
        Assert.True(invited.IsSuccess, invited.Error?.Detail);
        var activated = await services.GetRequiredService<ActivateEmployee>()
            .ExecuteAsync(TokenFrom(server.Mail.LastTo(email).TextBody), Password, CancellationToken.None);
        Assert.True(activated.IsSuccess, activated.Error?.Detail);

        var http = server.CreateClient(null, $"api/v1/orgs/{tenant.OrgId}/");
        http.DefaultRequestHeaders.Authorization = Basic(email, Password);
        return new AdminSession(tenant, employee.Value.Id, email, Password, http);
    }

    public static AuthenticationHeaderValue Basic(string email, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));

    /// <summary>The activation token in an invitation's link.</summary>
    public static string TokenFrom(string mailText) => Uri.UnescapeDataString(TokenPattern().Match(mailText).Groups[1].Value);

    [GeneratedRegex(@"[?&#]token=([^\s&""<>]+)")]
    private static partial Regex TokenPattern();
}

/// <summary>A signed-in employee: <see cref="Http"/>'s base address is <c>/api/v1/orgs/{orgId}/</c>.</summary>
public sealed record AdminSession(TenantClient Tenant, Guid EmployeeId, string Email, string Password, HttpClient Http)
{
    public Guid OrgId => Tenant.OrgId;
}

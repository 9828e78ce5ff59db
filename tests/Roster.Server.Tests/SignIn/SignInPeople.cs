using System.Net.Http.Headers;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.SignIn;

/// <summary>People in the states sign-in must not tell apart, made through the directory's use cases and the HTTP API.</summary>
public static class SignInPeople
{
    public const string Password = AdminSessions.Password;

    /// <summary>An active employee of <paramref name="orgId"/> with this email and <see cref="Password"/>, holding a role with <paramref name="permissions"/>.</summary>
    public static async Task<Guid> ActiveAsync(RosterServerFixture server, Guid orgId, string email, params string[] permissions)
    {
        var id = await InvitedAsync(server, orgId, email, permissions);
        var invited = await server.Services.GetRequiredService<InviteEmployee>()
            .ExecuteAsync(AdminActor.Operator(orgId), id, "http://roster.test/activate", CancellationToken.None);
        Assert.True(invited.IsSuccess, invited.Error?.Detail);
        var activated = await server.Services.GetRequiredService<ActivateEmployee>()
            .ExecuteAsync(AdminSessions.TokenFrom(server.Mail.LastTo(email).TextBody), Password, CancellationToken.None);
        Assert.True(activated.IsSuccess, activated.Error?.Detail);
        return id;
    }

    /// <summary>A profile an administrator created and has not activated: no password yet.</summary>
    public static async Task<Guid> InvitedAsync(RosterServerFixture server, Guid orgId, string email, params string[] permissions)
    {
        var actor = AdminActor.Operator(orgId);
        var role = await server.Services.GetRequiredService<CreateRole>().ExecuteAsync(actor, "Role " + Guid.NewGuid().ToString("N")[..10], permissions, CancellationToken.None);
        Assert.True(role.IsSuccess, role.Error?.Detail);
        var employee = await server.Services.GetRequiredService<CreateEmployee>()
            .ExecuteAsync(actor, new EmployeeDraft(email, "Ada", "Lovelace", role.Value.Id), CancellationToken.None);
        Assert.True(employee.IsSuccess, employee.Error?.Detail);
        return employee.Value.Id;
    }

    /// <summary>Wrong passwords over the admin API's HTTP Basic from enough addresses to lock the profile itself.</summary>
    public static async Task LockAsync(RosterServerFixture server, Guid orgId, string email, string addressPrefix = "198.51.100.")
    {
        for (var failure = 0; failure < SignInLockout.AccountFailures; failure++)
        {
            using var response = await BasicAsync(server, orgId, email, "wrong password " + failure, addressPrefix + (failure / SignInLockout.AddressFailures));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    /// <summary>A GET of the organization with HTTP Basic, from <paramref name="address"/> (a trusted proxy's X-Forwarded-For).</summary>
    public static async Task<HttpResponseMessage> BasicAsync(RosterServerFixture server, Guid orgId, string email, string password, string address)
    {
        using var http = server.CreateClient(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/orgs/{orgId}/");
        request.Headers.Authorization = AdminSessions.Basic(email, password);
        request.Headers.Add("X-Forwarded-For", address);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static AuthenticationHeaderValue Basic(string email, string password) => AdminSessions.Basic(email, password);
}

using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Roster.Directory.AccessKeys;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Groups;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;

namespace Roster.Server.Tests.Privileges;

/// <summary>
/// One tenant seeded for one permission subset: the actor <c>P</c>, whose only active role grants
/// exactly that subset (plus a deactivated role that would grant everything), and the people and
/// credentials an escalation would aim at: an administrator <c>A</c> (active), an administrator
/// <c>B</c> (invited, no password yet), a profile <c>Q</c> holding <c>employees.edit</c>, and a
/// service profile <c>K</c> whose access key is the OAuth client of the authorization code flow.
/// SCIM provisioning is off, so manual employee changes are possible. Everything is made by the
/// operator through the directory's own use cases; the attempts then go through HTTP.
/// </summary>
public sealed class PrivilegeWorld
{
    private PrivilegeWorld(RosterServerFixture server, TenantClient tenant, PermissionSet subset)
    {
        Server = server;
        Tenant = tenant;
        Subset = subset;
    }

    public RosterServerFixture Server { get; }

    public TenantClient Tenant { get; }

    /// <summary>What P holds.</summary>
    public PermissionSet Subset { get; }

    public Guid OrgId => Tenant.OrgId;

    public Guid AdministratorRoleId { get; private set; }

    /// <summary>P's own role, granting exactly <see cref="Subset"/>.</summary>
    public Guid ActorRoleId { get; private set; }

    /// <summary>A deactivated role granting everything, which P holds (so activating it would promote P).</summary>
    public Guid DormantRoleId { get; private set; }

    public Guid ActorId { get; private set; }

    public string ActorEmail { get; private set; } = "";

    public Guid AdminId { get; private set; }

    public string AdminFirstName { get; } = "Grace";

    public Guid InvitedAdminId { get; private set; }

    public Guid EditorId { get; private set; }

    /// <summary>A group that a rule maps to Administrator; nobody is in it.</summary>
    public Guid AdminsGroupId { get; private set; }

    /// <summary>The display name of a group P is a member of, which no rule names.</summary>
    public string TeamName { get; } = "Team of Pat";

    /// <summary>The access key of the service profile K: the OAuth client of the code flow.</summary>
    public IssuedAccessKey ServiceKey { get; private set; } = null!;

    /// <summary>P on the admin API (HTTP Basic).</summary>
    public HttpClient AdminApi { get; private set; } = null!;

    /// <summary>P's console session (cookie and anti-forgery token).</summary>
    public Credential Console { get; private set; } = null!;

    /// <summary>Credentials P obtained along the way, by name, for the paths that use them.</summary>
    public Dictionary<string, string> Obtained { get; } = new(StringComparer.Ordinal);

    public static async Task<PrivilegeWorld> CreateAsync(RosterServerFixture server, PermissionSet subset)
    {
        ArgumentNullException.ThrowIfNull(server);
        var world = new PrivilegeWorld(server, await server.CreateTenantAsync("Privilege model"), subset);
        await world.SeedAsync();
        return world;
    }

    /// <summary>A client of P's on the SCIM API with <paramref name="token"/>.</summary>
    public HttpClient Scim(string token) => Server.CreateClient(token, $"scim/v2/{OrgId}/");

    private async Task SeedAsync()
    {
        var services = Server.Services;
        var operatorActor = AdminActor.Operator(OrgId);
        var none = CancellationToken.None;
        var createRole = services.GetRequiredService<CreateRole>();
        var all = Permission.All.Select(p => p.Key).ToArray();
        AdministratorRoleId = (await createRole.ExecuteAsync(operatorActor, "Administrator", all, none)).Ok().Id;
        ActorRoleId = (await createRole.ExecuteAsync(operatorActor, "Subset", Subset.Keys, none)).Ok().Id;
        DormantRoleId = (await createRole.ExecuteAsync(operatorActor, "Dormant", all, none)).Ok().Id;
        var editorRoleId = (await createRole.ExecuteAsync(operatorActor, "Editor", [Permission.EmployeesEdit.Key], none)).Ok().Id;
        var settings = services.GetRequiredService<UpdateScimSettings>();
        var current = await services.GetRequiredService<GetScimSettings>().ExecuteAsync(OrgId, none);
        Assert.True((await settings.ExecuteAsync(operatorActor, ScimSettingsUpdate.From(current) with { Enabled = false }, none)).IsSuccess);

        ActorEmail = $"p-{Guid.NewGuid():N}@example.com";
        ActorId = await ActivatedAsync(ActorEmail, "Pat", [ActorRoleId, DormantRoleId]);
        Assert.True((await services.GetRequiredService<DeactivateRole>().ExecuteAsync(operatorActor, DormantRoleId, none)).IsSuccess);
        AdminId = await ActivatedAsync($"a-{Guid.NewGuid():N}@example.com", AdminFirstName, [AdministratorRoleId]);
        InvitedAdminId = await EmployeeAsync($"b-{Guid.NewGuid():N}@example.com", "Barbara", [AdministratorRoleId]);
        EditorId = await EmployeeAsync($"q-{Guid.NewGuid():N}@example.com", "Quinn", [editorRoleId]);
        var serviceId = await EmployeeAsync($"k-{Guid.NewGuid():N}@example.com", "Service", [editorRoleId]);
        ServiceKey = (await services.GetRequiredService<CreateAccessKey>().ExecuteAsync(operatorActor, serviceId, none)).Ok();

        // P's own team (no rule names it yet), and a group that a rule maps to Administrator.
        var groups = services.GetRequiredService<GroupStore>();
        var caller = new ScimCaller(OrgId, null, "test", null, PermissionSet.Unbounded);
        var team = await groups.CreateAsync(caller, (JsonObject)JsonNode.Parse($$"""{"displayName":"Team of Pat","members":[{"value":"{{ActorId}}"}]}""")!, none);
        Assert.True(team.IsSuccess, team.Error?.Detail);
        var admins = await groups.CreateAsync(caller, (JsonObject)JsonNode.Parse("""{"displayName":"Admins"}""")!, none);
        AdminsGroupId = Guid.Parse(admins.GetValueOrThrow().Id);
        var rule = await services.GetRequiredService<CreateRoleRule>().ExecuteAsync(operatorActor, new RoleRuleDraft(RuleMatches.GroupDisplayName, "Admins", AdministratorRoleId), none);
        Assert.True(rule.IsSuccess, rule.Error?.Detail);

        AdminApi = Server.CreateClient(null, $"api/v1/orgs/{OrgId}/");
        AdminApi.DefaultRequestHeaders.Authorization = AdminSessions.Basic(ActorEmail, AdminSessions.Password);
        Console = await ConsoleSession.SignInAsync(Server.BaseAddress, "P's console session", ActorEmail, AdminSessions.Password);
    }

    private async Task<Guid> EmployeeAsync(string email, string firstName, Guid[] roles)
    {
        var created = await Server.Services.GetRequiredService<CreateEmployee>().ExecuteAsync(
            AdminActor.Operator(OrgId), new EmployeeDraft(email, firstName, "Tester", roles[0], RoleIds: roles), CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        return created.Value.Id;
    }

    private async Task<Guid> ActivatedAsync(string email, string firstName, Guid[] roles)
    {
        var id = await EmployeeAsync(email, firstName, roles);
        var services = Server.Services;
        var invited = await services.GetRequiredService<InviteEmployee>().ExecuteAsync(AdminActor.Operator(OrgId), id, "http://roster.test/activate", CancellationToken.None);
        Assert.True(invited.IsSuccess, invited.Error?.Detail);
        var activated = await services.GetRequiredService<ActivateEmployee>()
            .ExecuteAsync(AdminSessions.TokenFrom(Server.Mail.LastTo(email).TextBody), AdminSessions.Password, CancellationToken.None);
        Assert.True(activated.IsSuccess, activated.Error?.Detail);
        return id;
    }

    /// <summary>True once <see cref="EnableScimAsync"/> ran.</summary>
    public bool ScimEnabled { get; private set; }

    /// <summary>The operator turns SCIM provisioning on, for the attempts on the SCIM API.</summary>
    public async Task EnableScimAsync()
    {
        var services = Server.Services;
        var current = await services.GetRequiredService<GetScimSettings>().ExecuteAsync(OrgId, CancellationToken.None);
        var saved = await services.GetRequiredService<UpdateScimSettings>().ExecuteAsync(
            AdminActor.Operator(OrgId), ScimSettingsUpdate.From(current) with { Enabled = true }, CancellationToken.None);
        Assert.True(saved.IsSuccess, saved.Error?.Detail);
        ScimEnabled = true;
    }

    /// <summary>An operator's SCIM token owned by P, as <c>roster tokens create --owner</c> issues it.</summary>
    public async Task<string> OperatorIssuedTokenAsync()
    {
        var issued = await Server.Services.GetRequiredService<IssueScimToken>().ExecuteAsync(
            AdminActor.Operator(OrgId), new ScimTokenRequest("Issued by the operator", ActorId, null), CancellationToken.None);
        return issued.Ok().Token;
    }

    /// <summary>A request of P's console session: its cookie, and its anti-forgery token in the form.</summary>
    public async Task<HttpResponseMessage> PostConsoleFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", Console.FormToken!))),
        };
        Console.Apply(request);
        return await http.SendAsync(request);
    }

    /// <summary>An admin API request with an empty JSON body, for the actions that take none.</summary>
    public static StringContent EmptyJson() => new("{}", System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

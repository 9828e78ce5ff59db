using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;
using Roster.Directory.Tokens;
using Roster.Server.Hosting;
using Roster.Storage.Sqlite;

namespace Roster.Console.Tests.Infrastructure;

/// <summary>
/// A real Roster server for the browser: Kestrel on a free loopback port over a fresh SQLite
/// file, invitations written as .eml files to the pickup folder beside it. Tests share the
/// server, never data: each makes its own tenant.
/// </summary>
public sealed class ConsoleServerFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "roster-console-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The TXT records the server's DNS look-ups find.</summary>
    public StaticDnsRecords Dns { get; } = new();

    public string MailFolder => Path.Combine(_directory, "mail-pickup");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_directory);
        _app = RosterWebApplication.Create(Path.Combine(_directory, "roster.db"), "http://127.0.0.1:0", configure: b =>
        {
            b.Services.AddSingleton<Roster.Directory.Domains.IDnsTxtResolver>(Dns);

            // The webhook tests' receivers listen on loopback, as an operator's internal receiver would;
            // the single sign-on tests' OpenID provider is on loopback over plain HTTP.
            // A list statement's time budget is wall-clock time: two minutes here, so that a loaded
            // machine does not refuse an ordinary list page as too costly (the production default is two seconds).
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Roster:Webhooks:AllowedNetworks"] = "127.0.0.1/32",
                ["Roster:Sso:AllowLoopbackHttp"] = "true",
                ["Roster:Limits:QueryTimeoutMilliseconds"] = "120000",
            });
        });
        await RosterDatabase.MigrateAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public string Url(string relative) => new Uri(BaseAddress, relative).ToString();

    /// <summary>A new tenant, its first SCIM token, and an active employee holding <paramref name="permissions"/>.</summary>
    public Task<ConsoleTenant> CreateTenantAsync(params string[] permissions) =>
        CreateNamedTenantAsync("Acme " + Guid.NewGuid().ToString("N")[..6], permissions);

    /// <summary>A new tenant called <paramref name="name"/>, as <see cref="CreateTenantAsync"/> makes them.</summary>
    public async Task<ConsoleTenant> CreateNamedTenantAsync(string name, params string[] permissions)
    {
        var tenant = await Services.GetRequiredService<CreateTenant>().ExecuteAsync(name, CancellationToken.None);
        var token = await Services.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(tenant.Id, "Okta", DateTimeOffset.UtcNow.AddDays(365), CancellationToken.None);
        var admin = await AddEmployeeAsync(tenant.Id, permissions);
        return new ConsoleTenant(tenant.Id, tenant.Name, token.Token, admin);
    }

    /// <summary>Another active employee of <paramref name="orgId"/>, made through the directory's use cases.</summary>
    public Task<string> AddEmployeeAsync(Guid orgId, params string[] permissions) =>
        AddEmployeeWithEmailAsync(orgId, $"admin-{Guid.NewGuid().ToString("N")[..10]}@example.com", permissions);

    /// <summary>An active employee of <paramref name="orgId"/> with this email, holding a new role with <paramref name="permissions"/>.</summary>
    public async Task<string> AddEmployeeWithEmailAsync(Guid orgId, string email, params string[] permissions)
    {
        var actor = AdminActor.Operator(orgId);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var role = await Services.GetRequiredService<CreateRole>().ExecuteAsync(actor, "Console test " + suffix, permissions, CancellationToken.None);
        Assert.True(role.IsSuccess, role.Error?.Detail);
        var employee = await Services.GetRequiredService<CreateEmployee>()
            .ExecuteAsync(actor, new EmployeeDraft(email, "Ada", "Admin", role.Value.Id), CancellationToken.None);
        Assert.True(employee.IsSuccess, employee.Error?.Detail);
        var invited = await Services.GetRequiredService<InviteEmployee>()
            .ExecuteAsync(actor, employee.Value.Id, Url("activate"), CancellationToken.None);
        Assert.True(invited.IsSuccess, invited.Error?.Detail);
        var activated = await Services.GetRequiredService<ActivateEmployee>()
            .ExecuteAsync(PickupMail.ActivationToken(PickupMail.LastTo(MailFolder, email)), Password, CancellationToken.None);
        Assert.True(activated.IsSuccess, activated.Error?.Detail);
        return email;
    }

    /// <summary>
    /// Locks the employee with <paramref name="email"/> as guessing from many addresses does
    /// (<see cref="SignInLockout"/>): wrong passwords from enough addresses to reach the profile's threshold.
    /// </summary>
    public async Task LockAsync(Guid orgId, string email)
    {
        var signIn = Services.GetRequiredService<SignInEmployee>();
        for (var failure = 0; failure < SignInLockout.AccountFailures; failure++)
        {
            var address = "198.51.100." + (failure / SignInLockout.AddressFailures);
            Assert.False((await signIn.ExecuteAsync(orgId, email, "wrong password", address, CancellationToken.None)).Succeeded);
        }
    }

    /// <summary>
    /// Turns the tenant's SCIM provisioning off as the operator: a new tenant starts with it on,
    /// and manual employee changes are refused while it is.
    /// </summary>
    public Task TurnScimOffAsync(Guid orgId) => SetScimEnabledAsync(orgId, enabled: false);

    public async Task SetScimEnabledAsync(Guid orgId, bool enabled)
    {
        var settings = await Services.GetRequiredService<Roster.Directory.Provisioning.GetScimSettings>().ExecuteAsync(orgId, CancellationToken.None);
        var saved = await Services.GetRequiredService<Roster.Directory.Provisioning.UpdateScimSettings>().ExecuteAsync(
            AdminActor.Operator(orgId), Roster.Directory.Provisioning.ScimSettingsUpdate.From(settings) with { Enabled = enabled }, CancellationToken.None);
        Assert.True(saved.IsSuccess, saved.Error?.Detail);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>A tenant made for one test: its org ID and name, a SCIM token, and an administrator's email (password <see cref="ConsoleServerFixture.Password"/>).</summary>
public sealed record ConsoleTenant(Guid OrgId, string Name, string ScimToken, string AdminEmail);

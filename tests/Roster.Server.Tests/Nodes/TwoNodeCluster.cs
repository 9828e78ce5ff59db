using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Cli;

namespace Roster.Server.Tests.Nodes;

/// <summary>
/// Two <c>roster serve</c> processes on one fresh PostgreSQL database, as behind a load balancer.
/// Node A starts on a migrated database with no tenant (it bootstraps the tenant and its token);
/// node B starts once A is up and finds both there. In the SQLite pass it starts nothing.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    /// <summary>
    /// The address of the load balancer, the same on every node: it is also the OAuth issuer, so a
    /// token issued by one node is accepted by the other only when both name the same one.
    /// </summary>
    public const string PublicUrl = "https://roster.example.com";

    private readonly string _mailFolder = System.IO.Directory.CreateTempSubdirectory("roster-nodes-mail-").FullName;
    private PostgresTestDatabase? _database;

    public RosterNode A { get; private set; } = null!;

    public RosterNode B { get; private set; } = null!;

    public Guid OrgId { get; private set; }

    /// <summary>The SCIM token node A printed when it bootstrapped the tenant.</summary>
    public string Token { get; private set; } = null!;

    /// <summary>The environment of a node or a <c>roster</c> command on the shared database.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Storage__Provider"] = "postgres",
        ["Storage__ConnectionString"] = _database!.ConnectionString,
        ["Roster__Mail__PickupFolder"] = _mailFolder,
        ["Logging__LogLevel__Default"] = "Warning",

        // The load is about consistency between nodes, not request rates: no 429 in its way.
        ["Roster__RateLimits__Enabled"] = "false",

        // Webhooks go to the tests' loopback receivers; short leases, timeouts and back-off keep retries within a test.
        ["Roster__Webhooks__AllowedNetworks"] = "127.0.0.0/8",
        ["Roster__Webhooks__LeaseSeconds"] = "5",
        ["Roster__Webhooks__TimeoutSeconds"] = "2",
        ["Roster__Webhooks__MaxBackoffSeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        if (!TestStorage.IsPostgres)
        {
            return;
        }

        // A copy of the migrated template (milliseconds) rather than an empty database that node A
        // migrates: on a loaded machine the migrations were a good part of a start that exceeded its
        // bound. Starting on an empty database is the business of the CLI and migration tests.
        _database = await PostgresTestDatabase.CreateAsync();
        try
        {
            A = await RosterNode.StartAsync("node A", Environment, "--public-url", PublicUrl);
            OrgId = Guid.Parse(A.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')'));
            Token = A.BannerValue("SCIM token:");
            B = await RosterNode.StartAsync("node B", Environment, "--public-url", PublicUrl);
        }
        catch
        {
            // A fixture that fails to start is not disposed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An employee with every permission, made as an operator would: a role and a profile with the
    /// CLI, the invitation from the mail pickup folder, the activation through <paramref name="activateAt"/>.
    /// </summary>
    public async Task<(Guid EmployeeId, string Email)> CreateAdministratorAsync(RosterNode activateAt)
    {
        ArgumentNullException.ThrowIfNull(activateAt);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var tenant = OrgId.ToString();
        var role = await CliAsync("roles", "create", "--tenant", tenant, "--name", $"Operators {suffix}",
            "--permissions", "employees.edit,scim.manage,roles.manage,audit.view,accesskeys.manage,webhooks.manage", "--json");
        var email = $"operator-{suffix}@example.com";
        var employee = await CliAsync("employees", "create", "--tenant", tenant, "--email", email, "--first-name", "Op", "--last-name", "Erator",
            "--role", (string)role["id"]!, "--json");
        var employeeId = Guid.Parse((string)employee["id"]!);
        await CliAsync("employees", "invite", "--tenant", tenant, "--id", employeeId.ToString(), "--public-url", PublicUrl, "--json");

        var invitation = System.IO.Directory.GetFiles(_mailFolder).Select(f => MimeMessage.Load(f)).Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal));
        using var anonymous = activateAt.CreateClient(null);
        var activated = await anonymous.PostAsJsonAsync("api/v1/activation", new { token = AdminSessions.TokenFrom(invitation.TextBody ?? ""), password = AdminSessions.Password });
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        return (employeeId, email);
    }

    /// <summary>Runs a <c>roster</c> command on the shared database and returns its JSON output.</summary>
    public async Task<JsonNode> CliAsync(params string[] args)
    {
        var (code, output, error) = await RosterProcess.RunAsync(Environment, args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(output)!;
    }

    /// <summary>Stops both nodes and drops the database; safe to call again.</summary>
    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
            B = null!;
        }

        if (A is not null)
        {
            await A.DisposeAsync();
            A = null!;
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }

        if (System.IO.Directory.Exists(_mailFolder))
        {
            System.IO.Directory.Delete(_mailFolder, recursive: true);
        }
    }
}

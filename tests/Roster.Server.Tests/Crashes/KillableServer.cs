using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// A <c>roster serve</c> process on a <see cref="CrashDatabase"/> that can be killed and started
/// again on the same database. The first start bootstraps the tenant and its SCIM token (read from
/// the banner); later starts find them there. Disposing kills whatever is running.
/// </summary>
public sealed class KillableServer(CrashDatabase database) : IAsyncDisposable
{
    private RosterNode? _node;

    public Guid OrgId { get; private set; }

    public string Token { get; private set; } = null!;

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public RosterNode Node => _node ?? throw new InvalidOperationException("The server is not running.");

    public async Task StartAsync()
    {
        if (_node is not null)
        {
            throw new InvalidOperationException("The server is running already.");
        }

        _node = await RosterNode.StartAsync($"roster on {database} (start {Starts + 1})", database.Environment);
        if (Starts++ == 0)
        {
            OrgId = Guid.Parse(_node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')'));
            Token = _node.BannerValue("SCIM token:");
        }
    }

    /// <summary>SIGKILL, then nothing running: the next <see cref="StartAsync"/> recovers the database.</summary>
    public async Task KillAsync()
    {
        await Node.KillAsync();
        await Node.DisposeAsync();
        _node = null;
        Kills++;
    }

    /// <summary>A SCIM client of the tenant on the running process, as an IdP holds it.</summary>
    public HttpClient CreateScimClient() => Node.CreateClient(Token, $"scim/v2/{OrgId}/");

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node = null;
        }
    }
}

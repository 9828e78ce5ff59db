using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Roster.Directory.Database;

namespace Roster.Directory.Groups;

/// <summary>
/// The members of a group, or the groups of a user, when there are more than one response holds
/// in memory (<see cref="DirectoryLimits.MaxMembersPerPage"/>): read from their rows, in a read
/// session of their own, while the response is written, so that a group of 100,000 members costs
/// the same memory as one of ten. Each value is <c>{value, display, type}</c>, as when loaded.
/// </summary>
public sealed class DeferredMemberships
{
    private readonly DirectoryDatabase _database;
    private readonly Guid _tenantId;
    private readonly MembershipSide _side;
    private readonly Guid _id;

    internal DeferredMemberships(DirectoryDatabase database, Guid tenantId, MembershipSide side, Guid id)
    {
        _database = database;
        _tenantId = tenantId;
        _side = side;
        _id = id;
    }

    /// <summary>The attribute the values belong to: <c>members</c> or <c>groups</c>.</summary>
    public string Attribute => Memberships.Name(_side);

    /// <summary>The values, one at a time, in the order of their ids.</summary>
    public async IAsyncEnumerable<JsonObject> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = await _database.ReadAsync(_tenantId, cancellationToken);
        await foreach (var value in Memberships.StreamAsync(session, _side, _id, cancellationToken))
        {
            yield return value;
        }
    }
}

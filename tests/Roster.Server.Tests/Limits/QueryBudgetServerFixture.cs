using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// A server whose list and search statements may each run <see cref="QueryTimeoutMilliseconds"/>
/// ms, and whose users may hold 200 emails, so that a few hundred users make a costly filter.
/// </summary>
public sealed class QueryBudgetServerFixture : RosterServerFixture
{
    public const int QueryTimeoutMilliseconds = 500;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:RateLimits:Enabled"] = "false",
        ["Roster:Limits:QueryTimeoutMilliseconds"] = $"{QueryTimeoutMilliseconds}",
        ["Roster:Limits:MaxValuesPerAttribute"] = "200",
    };
}

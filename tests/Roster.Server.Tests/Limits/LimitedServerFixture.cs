using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// A server whose request limits (<c>Roster:Limits</c>) are set low, so each can be crossed with
/// a small request, and the tests see that the configured value is the one advertised and enforced.
/// </summary>
public sealed class LimitedServerFixture : RosterServerFixture
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxPageSize = 5;
    public const int MaxPatchOperations = 10;
    public const int MaxBulkOperations = 5;
    public const int MaxFilterLength = 200;
    public const int MaxFilterDepth = 8;
    public const int MaxFilterTerms = 6;
    public const int QueryTimeoutMilliseconds = 30_000;
    public const int MaxValuesPerAttribute = 4;
    public const int MaxMembersPerPage = 5;
    public const int MaxJsonDepth = 16;
    public const int MaxRequestLineBytes = 4096;
    public const int MaxHeaderBytes = 16 * 1024;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:Limits:MaxRequestBodyBytes"] = $"{MaxBodyBytes}",
        ["Roster:Limits:DefaultPageSize"] = "3",
        ["Roster:Limits:MaxPageSize"] = $"{MaxPageSize}",
        ["Roster:Limits:MaxPatchOperations"] = $"{MaxPatchOperations}",
        ["Roster:Limits:MaxBulkOperations"] = $"{MaxBulkOperations}",
        ["Roster:Limits:MaxFilterLength"] = $"{MaxFilterLength}",
        ["Roster:Limits:MaxFilterDepth"] = $"{MaxFilterDepth}",
        ["Roster:Limits:MaxFilterTerms"] = $"{MaxFilterTerms}",
        ["Roster:Limits:QueryTimeoutMilliseconds"] = $"{QueryTimeoutMilliseconds}",
        ["Roster:Limits:MaxValuesPerAttribute"] = $"{MaxValuesPerAttribute}",
        ["Roster:Limits:MaxMembersPerPage"] = $"{MaxMembersPerPage}",
        ["Roster:Limits:MaxJsonDepth"] = $"{MaxJsonDepth}",
        ["Roster:Limits:MaxRequestLineBytes"] = $"{MaxRequestLineBytes}",
        ["Roster:Limits:MaxRequestHeadersTotalBytes"] = $"{MaxHeaderBytes}",
    };
}

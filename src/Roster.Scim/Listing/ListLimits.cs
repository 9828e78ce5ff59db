using Roster.Scim.Filtering;

namespace Roster.Scim.Listing;

/// <summary>
/// The server's page sizes for list and search requests (RFC 7644 section 3.4.2.4): the
/// <c>count</c> used when a client sends none, and the most one page may hold.
/// </summary>
public sealed record ListLimits
{
    /// <summary>100 by default, at most 1,000.</summary>
    public static ListLimits Default { get; } = new();

    /// <summary>The page size when the request gives no <c>count</c>.</summary>
    public int DefaultCount { get; init; } = 100;

    /// <summary>The largest page; a larger <c>count</c> is clamped to it.</summary>
    public int MaxCount { get; init; } = 1000;

    /// <summary>The largest and most deeply nested <c>filter</c> parsed.</summary>
    public FilterLimits Filter { get; init; } = FilterLimits.Default;
}

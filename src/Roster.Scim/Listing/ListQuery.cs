using Roster.Scim.Filtering;

namespace Roster.Scim.Listing;

/// <summary>
/// A parsed list or search request (RFC 7644 sections 3.4.2 and 3.4.3, RFC 9865): what to
/// select, in which order, which page. Projection (<c>attributes</c>) travels separately.
/// </summary>
public sealed record ListQuery
{
    /// <summary>The filter, or null for every resource.</summary>
    public FilterNode? Filter { get; init; }

    /// <summary>The attribute to sort by, or null for the server's stable default order.</summary>
    public AttributePath? SortBy { get; init; }

    /// <summary>RFC 7644 section 3.4.2.3 <c>sortOrder</c>; ascending unless the client asks otherwise.</summary>
    public SortOrder SortOrder { get; init; } = SortOrder.Ascending;

    /// <summary>1-based index of the first result (index paging).</summary>
    public int StartIndex { get; init; } = 1;

    /// <summary>The page size, already clamped to the server's maximum; 0 asks for the count only.</summary>
    public required int Count { get; init; }

    /// <summary>
    /// Cursor paging (RFC 9865): null for index paging, empty for the first page of a cursor
    /// walk, else the opaque cursor of the page to read.
    /// </summary>
    public string? Cursor { get; init; }

    /// <summary>
    /// True when <c>attributes</c> names a Group's <c>members</c> (or one of its sub-attributes,
    /// or the Group schema). A group list returns members only then: a page of groups with
    /// thousands of members each would cost a response of hundreds of megabytes, and Entra ID asks
    /// for groups with <c>excludedAttributes=members</c> anyway.
    /// </summary>
    public bool IncludeMembers { get; init; }

    /// <summary>False when the projection leaves out a User's <c>groups</c>, so no membership row need be read.</summary>
    public bool IncludeGroups { get; init; } = true;
}

namespace Roster.Scim.Listing;

/// <summary><c>sortOrder</c> of RFC 7644 section 3.4.2.3.</summary>
public enum SortOrder
{
    /// <summary><c>ascending</c>: smallest first; the default when <c>sortBy</c> is given without <c>sortOrder</c>.</summary>
    Ascending,
    /// <summary><c>descending</c>: largest first.</summary>
    Descending,
}

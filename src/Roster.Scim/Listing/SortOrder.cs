namespace Roster.Scim.Listing;

/// <summary><c>sortOrder</c> of RFC 7644 section 3.4.2.3.</summary>
public enum SortOrder
{
    Ascending,
    Descending,
}

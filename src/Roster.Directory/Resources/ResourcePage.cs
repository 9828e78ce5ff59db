namespace Roster.Directory.Resources;

/// <summary>One page of a list or search.</summary>
/// <param name="Resources">The resources of this page, in order.</param>
/// <param name="TotalResults">How many resources match the filter in all.</param>
/// <param name="StartIndex">The 1-based index of the first resource (index paging).</param>
/// <param name="NextCursor">The cursor of the next page (cursor paging), null on the last page.</param>
/// <param name="PreviousCursor">The cursor of the previous page, when known.</param>
public sealed record ResourcePage(
    IReadOnlyList<StoredResource> Resources,
    int TotalResults,
    int StartIndex,
    string? NextCursor = null,
    string? PreviousCursor = null);

using Roster.Directory.Resources;

namespace Roster.Directory.Listing;

/// <summary>The rows of one page, before derived attributes (members, groups) are added.</summary>
internal sealed record ListedPage(IReadOnlyList<ResourceRow> Rows, int TotalResults, int StartIndex, string? NextCursor);

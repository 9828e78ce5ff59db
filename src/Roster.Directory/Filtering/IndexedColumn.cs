namespace Roster.Directory.Filtering;

/// <summary>How an indexed column holds its attribute, which decides how it is compared.</summary>
public enum ColumnKind
{
    /// <summary>A GUID key: <c>id</c>.</summary>
    Key,

    /// <summary>Text as the client sent it, with an optional case-folded twin.</summary>
    Text,

    Boolean,

    /// <summary>A time stored by <see cref="ISqlDialect.Timestamp"/>.</summary>
    Timestamp,

    /// <summary>The resource version, shown as the weak ETag <c>W/"n"</c> in <c>meta.version</c>.</summary>
    Version,
}

/// <summary>A core attribute that a resource table keeps in a column of its own.</summary>
/// <param name="Attribute">The attribute's name, e.g. <c>userName</c> or <c>meta</c>.</param>
/// <param name="SubAttribute">The sub-attribute, e.g. <c>created</c> for <c>meta.created</c>.</param>
/// <param name="Column">The column with the value as sent.</param>
/// <param name="Kind">How the column holds the value.</param>
/// <param name="FoldedColumn">The case-folded column used for case-insensitive comparisons, if any.</param>
/// <param name="Nullable">False when every row has a value.</param>
/// <param name="PreparedKey">The folded column holds <see cref="CaseFolding.UserNameKey"/> (userName), so literals compared with it are prepared the same way.</param>
public sealed record IndexedColumn(string Attribute, string? SubAttribute, string Column, ColumnKind Kind, string? FoldedColumn = null, bool Nullable = true, bool PreparedKey = false);

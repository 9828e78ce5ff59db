namespace Roster.Directory.Filtering;

/// <summary>The resources a table holds.</summary>
public enum ResourceKind
{
    User,
    Group,
}

/// <summary>
/// A resource table as the SQL generator sees it: its name, the alias used in generated SQL,
/// and the attributes kept in indexed columns (ARCHITECTURE decision 1). Every other attribute
/// is read from the JSON document.
/// </summary>
public sealed record ResourceTable(ResourceKind Kind, string Name, string Alias, IReadOnlyList<IndexedColumn> Columns)
{
    public static ResourceTable Users { get; } = new(ResourceKind.User, "users", "u",
    [
        new("id", null, "id", ColumnKind.Key, Nullable: false),
        new("userName", null, "user_name", ColumnKind.Text, "user_name_key", Nullable: false, PreparedKey: true),
        new("externalId", null, "external_id", ColumnKind.Text),
        new("displayName", null, "display_name", ColumnKind.Text, "display_name_key"),
        new("active", null, "active", ColumnKind.Boolean),
        new("meta", "created", "created", ColumnKind.Timestamp, Nullable: false),
        new("meta", "lastModified", "last_modified", ColumnKind.Timestamp, Nullable: false),
        new("meta", "version", "version", ColumnKind.Version, Nullable: false),
    ]);

    public static ResourceTable Groups { get; } = new(ResourceKind.Group, "groups", "g",
    [
        new("id", null, "id", ColumnKind.Key, Nullable: false),
        new("displayName", null, "display_name", ColumnKind.Text, "display_name_key", Nullable: false),
        new("externalId", null, "external_id", ColumnKind.Text),
        new("meta", "created", "created", ColumnKind.Timestamp, Nullable: false),
        new("meta", "lastModified", "last_modified", ColumnKind.Timestamp, Nullable: false),
        new("meta", "version", "version", ColumnKind.Version, Nullable: false),
    ]);

    /// <summary>The column of an attribute, ignoring case; null when it lives in the document.</summary>
    public IndexedColumn? FindColumn(string attribute, string? subAttribute)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Attribute, attribute, StringComparison.OrdinalIgnoreCase)
                && string.Equals(column.SubAttribute, subAttribute, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>A column qualified with the table's alias.</summary>
    public string Qualified(string column) => $"{Alias}.{column}";
}

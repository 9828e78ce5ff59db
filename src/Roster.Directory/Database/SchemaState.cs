namespace Roster.Directory.Database;

/// <summary>How the database's schema compares with this build's migrations.</summary>
/// <param name="Pending">Migrations of this build not applied yet.</param>
/// <param name="Unknown">Applied migrations this build does not know: a newer Roster migrated the database.</param>
public sealed record SchemaState(int Pending, int Unknown)
{
    public bool IsCurrent => Pending == 0 && Unknown == 0;
}

namespace Roster.Bench.Running;

/// <summary>
/// The names of a directory loaded in bulk before the run (<c>--seeded-users</c>; Roster's
/// <c>bench/seed.sh</c> writes them): user n is <c>seed-n@example.com</c> and the big group is
/// <c>seed-big-group</c>. The bench only needs the names; it finds ids over SCIM like an IdP would.
/// </summary>
internal static class SeededDirectory
{
    public const string BigGroupName = "seed-big-group";

    public static string UserName(long index)
    {
        return $"seed-{index}@example.com";
    }
}

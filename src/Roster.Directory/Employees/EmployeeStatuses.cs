namespace Roster.Directory.Employees;

/// <summary>
/// Between <see cref="EmployeeStatus"/> and the <c>users.status</c> text. A lock is not a stored
/// status but <c>users.locked_until</c> (<see cref="EmployeeRow.IsLocked"/>); "locked" is still
/// read, for rows of earlier versions, and written in audit events.
/// </summary>
internal static class EmployeeStatuses
{
    public const string Invited = "invited";
    public const string Active = "active";
    public const string Deactivated = "deactivated";
    public const string Locked = "locked";

    public static string ToColumn(EmployeeStatus status) => status switch
    {
        EmployeeStatus.Invited => Invited,
        EmployeeStatus.Deactivated => Deactivated,
        EmployeeStatus.Locked => Locked,
        _ => Active,
    };

    /// <summary>The column read back; an unknown value (a newer version's) reads as active rather than failing.</summary>
    public static EmployeeStatus Parse(string text) => text switch
    {
        Invited => EmployeeStatus.Invited,
        Deactivated => EmployeeStatus.Deactivated,
        Locked => EmployeeStatus.Locked,
        _ => EmployeeStatus.Active,
    };
}

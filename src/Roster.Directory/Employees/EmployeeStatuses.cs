namespace Roster.Directory.Employees;

/// <summary>Between <see cref="EmployeeStatus"/> and the <c>users.status</c> text.</summary>
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

using Roster.Directory.Administration;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>Which field of the employee forms a directory refusal is about, from the field the rule that refused names.</summary>
public static class EmployeeFields
{
    /// <summary>The form box an error's field is: licenses for billing, the admin API's names otherwise.</summary>
    public static string? Of(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field switch
        {
            "billing" => "Licenses",
            "roleIds" => "PrimaryRoleId",
            _ => FormFields.BoxOf(error),
        };
    }

    /// <summary>Licenses as typed in one box: separated by commas or new lines.</summary>
    public static IReadOnlyList<string> Licenses(string? text) =>
        [.. (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

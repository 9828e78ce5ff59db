using Microsoft.Extensions.Localization;
using Roster.Directory.Employees;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// A profile's status as the employee pages show it, in the person's language. One literal each,
/// so that the untranslated-text test sees every one (it reads the sentences given to <c>T</c>,
/// hence the parameter's name).
/// </summary>
public static class EmployeeStatusText
{
    public static string Of(IStringLocalizer T, EmployeeStatus status)
    {
        ArgumentNullException.ThrowIfNull(T);
        return status switch
        {
            EmployeeStatus.Invited => T["Invited"].Value,
            EmployeeStatus.Active => T["Active"].Value,
            EmployeeStatus.Deactivated => T["Deactivated"].Value,
            _ => T["Locked"].Value,
        };
    }
}

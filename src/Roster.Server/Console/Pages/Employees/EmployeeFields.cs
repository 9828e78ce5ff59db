using Roster.Directory.Administration;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>Which field of the employee forms a directory refusal is about, from the words its rules use.</summary>
public static class EmployeeFields
{
    public static string? Of(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.Detail;
        return detail switch
        {
            _ when error.Kind != AdminErrorKind.Validation && error.Kind != AdminErrorKind.Conflict => null,
            _ when detail.Contains("first name", StringComparison.OrdinalIgnoreCase) => "FirstName",
            _ when detail.Contains("last name", StringComparison.OrdinalIgnoreCase) => "LastName",
            _ when detail.Contains("role", StringComparison.OrdinalIgnoreCase) => "PrimaryRoleId",
            _ when detail.Contains("authenticator", StringComparison.OrdinalIgnoreCase) => "LoginAuthenticator",
            _ when detail.Contains("licen", StringComparison.OrdinalIgnoreCase) || detail.Contains("bill", StringComparison.OrdinalIgnoreCase) => "Licenses",
            _ when detail.Contains("email", StringComparison.OrdinalIgnoreCase) => "Email",
            _ => null,
        };
    }

    /// <summary>Licenses as typed in one box: separated by commas or new lines.</summary>
    public static IReadOnlyList<string> Licenses(string? text) =>
        [.. (text ?? "").Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

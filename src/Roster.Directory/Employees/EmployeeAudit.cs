using System.Text.Json.Nodes;

namespace Roster.Directory.Employees;

/// <summary>
/// An employee as the audit log shows it, for <see cref="Audit.AuditChanges.Diff"/>. Password
/// hashes and invitation tokens are deliberately absent: the log is read by more people than
/// the credentials are meant for.
/// </summary>
internal static class EmployeeAudit
{
    public static JsonObject ToJson(Employee employee) => new()
    {
        ["userName"] = employee.UserName,
        ["email"] = employee.Email,
        ["firstName"] = employee.FirstName,
        ["lastName"] = employee.LastName,
        ["primaryRole"] = employee.PrimaryRoleName,
        ["roles"] = new JsonArray([.. employee.Roles.Select(r => JsonValue.Create(r))]),
        ["status"] = EmployeeStatuses.ToColumn(employee.Status),
        ["loginAuthenticator"] = employee.LoginAuthenticator,
        ["billing"] = BillingJson.ToJson(employee.Billing),
    };
}

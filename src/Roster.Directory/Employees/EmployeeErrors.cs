using System.Net;
using Roster.Directory.Administration;
using Roster.Scim.Errors;

namespace Roster.Directory.Employees;

/// <summary>The employee use cases' errors.</summary>
internal static class EmployeeErrors
{
    public const string ManagedByScimDetail =
        "While SCIM provisioning is on, users are managed by your identity provider; turn SCIM off in the SCIM settings to manage them here.";

    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no employee {id} in this organization.");

    public static AdminError ManagedByScim() => AdminError.ManagedByScim(ManagedByScimDetail);

    public static AdminError EmailTaken(string email) =>
        AdminError.Conflict($"An employee or user with the email \"{email}\" already exists in this organization (emails are unique ignoring case).") with { Field = "email" };

    public static AdminError UnknownRole(Guid roleId) => AdminError.Validation($"There is no role {roleId} in this organization.") with { Field = "primaryRoleId" };

    /// <summary>A refusal of the provisioning policy, as the admin API reports it: 403 for the privilege rules, else 400.</summary>
    public static AdminError FromPolicy(ScimError refused) =>
        refused.Status == HttpStatusCode.Forbidden ? AdminError.Forbidden(refused.Detail) : AdminError.Validation(refused.Detail);

    public static AdminError InactiveRole(string name) =>
        AdminError.Validation($"The role '{name}' is deactivated; activate it or pick another primary role.") with { Field = "primaryRoleId" };
}

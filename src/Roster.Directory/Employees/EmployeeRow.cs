using System.Text.Json.Nodes;

namespace Roster.Directory.Employees;

/// <summary>A <c>users</c> row as the employee use cases read it: the SCIM document and the administrative columns.</summary>
internal sealed record EmployeeRow(
    Guid Id,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    JsonObject Document,
    bool? Active,
    string Status,
    string? PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedAt,
    string LoginAuthenticator,
    string Billing,
    string? InvitationHash,
    DateTimeOffset? InvitationExpires)
{
    /// <summary>The stored status, except that SCIM <c>active=false</c> always reads as deactivated.</summary>
    public EmployeeStatus EffectiveStatus => Active == false ? EmployeeStatus.Deactivated : EmployeeStatuses.Parse(Status);
}

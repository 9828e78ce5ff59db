using System.Text.Json.Nodes;

namespace Roster.Directory.Employees;

/// <summary>
/// A <c>users</c> row as the employee use cases read it: the SCIM document and the administrative
/// columns, and <see cref="ReadAt"/>, the session's time, which decides whether a lock still holds.
/// </summary>
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
    DateTimeOffset? InvitationExpires,
    DateTimeOffset? LockedUntil,
    int SignInLocks,
    DateTimeOffset ReadAt)
{
    /// <summary>
    /// The stored status, except that SCIM <c>active=false</c> always reads as deactivated and a
    /// lock that has not run out reads as locked; a lock that has run out leaves the stored status.
    /// </summary>
    public EmployeeStatus EffectiveStatus =>
        Active == false ? EmployeeStatus.Deactivated : IsLocked ? EmployeeStatus.Locked : EmployeeStatuses.Parse(Status);

    /// <summary>Locked now: after too many failed sign-ins, until <see cref="LockedUntil"/>.</summary>
    public bool IsLocked => LockedUntil is { } until && until > ReadAt;
}

namespace Roster.Directory.Users;

/// <summary>
/// A user row: the attributes that filters and uniqueness need as columns, and the SCIM
/// resource itself as a JSON document (ARCHITECTURE decision 2). The document holds
/// <c>schemas</c>, <c>id</c> and every stored attribute; <c>meta</c> comes from the columns and
/// <c>groups</c> from <c>group_members</c>, so neither is stored twice.
/// </summary>
public sealed class UserRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string UserName { get; set; }

    /// <summary><see cref="UserName"/> case-folded: userName is unique ignoring case (RFC 7643 section 4.1.1).</summary>
    public required string UserNameKey { get; set; }

    public string? ExternalId { get; set; }

    public string? DisplayName { get; set; }

    public string? DisplayNameKey { get; set; }

    public bool? Active { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public long Version { get; set; }

    public required string Document { get; set; }

    /// <summary>The employee profile's status (<see cref="Employees.EmployeeStatus"/> as stored text); SCIM <c>active=false</c> is "deactivated".</summary>
    public string Status { get; set; } = "active";

    /// <summary>ASP.NET Core Identity's password hash; null until the person activates the profile.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Failed sign-ins since the last success, counted as <see cref="Employees.SignInLockout"/> says; the profile locks at <see cref="Employees.SignInLockout.AccountFailures"/>.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>When the current (or last) lock began.</summary>
    public DateTimeOffset? LockedAt { get; set; }

    /// <summary>The profile is locked until then; null or past means not locked.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Locks since the last successful sign-in: each lasts twice as long as the one before (<see cref="Employees.SignInLockout"/>).</summary>
    public int SignInLocks { get; set; }

    public string LoginAuthenticator { get; set; } = "password";

    /// <summary>The billing attributes as JSON: <c>{"billable": bool, "licenses": [..]}</c>.</summary>
    public string Billing { get; set; } = """{"billable":true,"licenses":[]}""";

    /// <summary>SHA-256 (hex) of the single-use activation token; the token itself is never stored.</summary>
    public string? InvitationHash { get; set; }

    public DateTimeOffset? InvitationExpires { get; set; }

    /// <summary>SHA-256 (hex) of the single-use token of an emailed unlock link; the token itself is never stored.</summary>
    public string? UnlockHash { get; set; }

    public DateTimeOffset? UnlockExpires { get; set; }
}

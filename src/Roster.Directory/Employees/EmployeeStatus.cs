namespace Roster.Directory.Employees;

/// <summary>Where an employee profile stands (CXone's profile status).</summary>
public enum EmployeeStatus
{
    /// <summary>Created by an administrator; the person has not activated it with the invitation link yet.</summary>
    Invited,

    /// <summary>Usable: the person can sign in.</summary>
    Active,

    /// <summary>Access revoked, by an administrator or by the IdP (SCIM <c>active=false</c>).</summary>
    Deactivated,

    /// <summary>Locked after too many failed sign-ins until an administrator unblocks it.</summary>
    Locked,
}

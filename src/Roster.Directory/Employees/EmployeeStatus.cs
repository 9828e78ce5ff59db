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

    /// <summary>
    /// Locked for a while after too many failed sign-ins (<see cref="SignInLockout"/>), until the
    /// lock runs out, the person opens an emailed unlock link or an administrator unblocks it.
    /// </summary>
    Locked,
}

namespace Roster.Directory.Employees;

/// <summary>
/// Failed sign-ins to one profile from one address (<c>sign_in_addresses</c>): the address is
/// locked out of that profile with back-off while the profile stays usable from everywhere else
/// (<see cref="SignInLockout"/>). A success from the address deletes its row.
/// </summary>
public sealed class SignInAddressRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The client's IP address as Roster sees it (after trusted forwarded headers).</summary>
    public required string Address { get; set; }

    /// <summary>Failures since this address was last locked out (or first failed).</summary>
    public int Failures { get; set; }

    /// <summary>Lock-outs of this address so far: each lasts twice as long as the one before.</summary>
    public int Locks { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset LastFailure { get; set; }
}

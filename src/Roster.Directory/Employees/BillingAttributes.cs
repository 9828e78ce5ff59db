namespace Roster.Directory.Employees;

/// <summary>The attributes of a profile that affect billing: whether it is billed and the licenses it holds.</summary>
public sealed record BillingAttributes(bool Billable, IReadOnlyList<string> Licenses)
{
    /// <summary>Not billed, no license: a profile that exists only to hold credentials (CXone).</summary>
    public static BillingAttributes None { get; } = new(false, []);

    /// <summary>What a profile gets when nobody said otherwise, SCIM-provisioned ones included.</summary>
    public static BillingAttributes Default { get; } = new(true, []);

    /// <summary>
    /// Not billed and no license: a profile that only holds credentials (CXone's service profile
    /// for access keys). An identity provider cannot set billing, so only an administrator makes
    /// one; while SCIM provisioning is on, such profiles stay the administrators' to manage.
    /// </summary>
    public bool CredentialOnly => !Billable && Licenses.Count == 0;

    public bool Equals(BillingAttributes? other) =>
        other is not null && Billable == other.Billable && Licenses.SequenceEqual(other.Licenses, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Billable, Licenses.Count);
}

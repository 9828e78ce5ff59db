using Roster.Directory.Employees;

namespace Roster.Server.Admin.Employees;

/// <summary>The attributes of a profile that affect billing: billed or not, and its licenses.</summary>
public sealed record BillingDocument(bool Billable, IReadOnlyList<string>? Licenses)
{
    public BillingAttributes ToAttributes() => new(Billable, Licenses ?? []);
}

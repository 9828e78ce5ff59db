using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Throttling;

/// <summary>
/// A server with request rates (<c>Roster:RateLimits</c>) set ten times lower than the defaults,
/// in the same proportions, so floods and paced clients cross or keep within them in seconds.
/// </summary>
public sealed class RateLimitedServerFixture : RosterServerFixture
{
    public const int PerCredentialPerSecond = 5;
    public const int PerCredentialBurst = 10;
    public const int PerTenantPerSecond = 8;
    public const int PerTenantBurst = 16;
    public const int UnauthenticatedPerSecond = 3;
    public const int UnauthenticatedBurst = 6;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:RateLimits:PerCredentialPerSecond"] = $"{PerCredentialPerSecond}",
        ["Roster:RateLimits:PerCredentialBurst"] = $"{PerCredentialBurst}",
        ["Roster:RateLimits:PerTenantPerSecond"] = $"{PerTenantPerSecond}",
        ["Roster:RateLimits:PerTenantBurst"] = $"{PerTenantBurst}",
        ["Roster:RateLimits:UnauthenticatedPerAddressPerSecond"] = $"{UnauthenticatedPerSecond}",
        ["Roster:RateLimits:UnauthenticatedPerAddressBurst"] = $"{UnauthenticatedBurst}",
    };
}

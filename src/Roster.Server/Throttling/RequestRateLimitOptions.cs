using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Throttling;

/// <summary>
/// Request rates of the SCIM API and the admin API (<c>Roster:RateLimits</c>): token buckets per
/// credential, per tenant (all its credentials together) and, for requests without a valid
/// credential, per client address. Counted per node: N nodes allow N times these rates.
/// </summary>
/// <remarks>
/// Sizing: Microsoft asks a SCIM application to take 25 requests a second per provisioning job
/// (Entra ID honours 429 with Retry-After), and Okta runs imports and pushes with several requests
/// in flight (5 to 10) in quick bursts. Twice Entra's pace per credential with a burst of 200 lets
/// both pass untouched with room for retries; a tenant gets twice a credential's rate so two IdPs
/// (or an IdP and an admin script) run side by side. A flood then meets 429 within about two
/// seconds, long before it can slow other tenants.
/// </remarks>
public sealed class RequestRateLimitOptions
{
    public const string SectionName = "Roster:RateLimits";

    /// <summary>False turns these limits off (benchmarks, a node behind a gateway that limits already).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests a second of one credential (SCIM token, access key or OAuth client, admin sign-in).</summary>
    [Range(1, 1_000_000)]
    public int PerCredentialPerSecond { get; set; } = 50;

    /// <summary>How many requests one credential may make at once above its sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int PerCredentialBurst { get; set; } = 200;

    /// <summary>Sustained requests a second of one tenant, all its credentials together.</summary>
    [Range(1, 1_000_000)]
    public int PerTenantPerSecond { get; set; } = 100;

    /// <summary>How many requests one tenant may make at once above its sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int PerTenantBurst { get; set; } = 400;

    /// <summary>
    /// Sustained requests a second from one client address that carry no valid credential, so
    /// guessing or broken tokens never spend a tenant's budget.
    /// </summary>
    [Range(1, 1_000_000)]
    public int UnauthenticatedPerAddressPerSecond { get; set; } = 20;

    /// <summary>The burst of requests without a valid credential from one address.</summary>
    [Range(1, 1_000_000)]
    public int UnauthenticatedPerAddressBurst { get; set; } = 100;
}

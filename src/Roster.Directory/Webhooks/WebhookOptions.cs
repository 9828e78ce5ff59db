namespace Roster.Directory.Webhooks;

/// <summary>How webhooks are delivered (<c>Roster:Webhooks</c>); docs/events.md explains each.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Roster:Webhooks";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>) that endpoints may reach although they are
    /// loopback, private, link-local or otherwise internal: the operator's own exceptions to the
    /// SSRF defence. Empty by default.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    /// <summary>How long one request may take, from connecting to the end of the answer's first bytes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node's claim on a delivery lasts; longer than <see cref="Timeout"/>, so a live sender never loses one.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an endpoint may keep failing before it is disabled and its pending events become dead letters.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The longest wait between two tries of a failing endpoint.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the previous secret still signs after a rotation, unless the rotation says otherwise.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Requests one node has in flight at once, over all endpoints.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>Deliveries one node claims from one endpoint at a time.</summary>
    public int ClaimBatch { get; set; } = 100;

    /// <summary>False on nodes that should serve the API only and never send (the CLI sets it).</summary>
    public bool SendEnabled { get; set; } = true;
}

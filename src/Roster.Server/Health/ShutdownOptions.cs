using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Health;

/// <summary>How a node stops (section <c>Roster:Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Roster:Shutdown";

    /// <summary>
    /// Seconds a stopping node keeps serving after <c>/health/ready</c> turned 503, so that a load
    /// balancer notices and sends new requests elsewhere before the node stops listening. Set it to
    /// the balancer's health-check interval times its unhealthy threshold; 0 (one node, no balancer)
    /// stops listening at once.
    /// </summary>
    [Range(0, 600)]
    public int DrainSeconds { get; set; }

    /// <summary>Seconds the requests in flight get to finish once the node stops listening; what is left then is cut.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 30;
}

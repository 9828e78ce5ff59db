namespace Roster.Server.Security;

/// <summary>
/// How Roster behaves behind a TLS-terminating proxy (section <c>Roster:Https</c>). Roster itself
/// listens on plain HTTP where the proxy is; the proxy says what the client used in
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>, which Roster believes only from the
/// proxies named here.
/// </summary>
public sealed class TransportSecurityOptions
{
    public const string SectionName = "Roster:Https";

    /// <summary>
    /// The addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/8</c>) of the proxies whose
    /// forwarded headers are believed. Empty: loopback only (a proxy on the same host).
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses, so browsers never fall back to HTTP.</summary>
    public bool Hsts { get; set; } = true;

    /// <summary>How long browsers remember to use HTTPS only.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>Whether the HSTS rule covers the host's subdomains too (only when they all serve HTTPS).</summary>
    public bool HstsIncludeSubDomains { get; set; }
}

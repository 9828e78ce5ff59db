namespace Roster.Server.Tests.Isolation;

/// <summary>Which part of Roster an endpoint belongs to, and so which credentials it takes.</summary>
public enum Surface
{
    /// <summary><c>/scim/v2/{orgId}/...</c>: bearer tokens, the org ID in the URL.</summary>
    ScimInOrg,

    /// <summary><c>/scim/v2/...</c>: bearer tokens, the tenant taken from the token.</summary>
    ScimWithoutOrg,

    /// <summary><c>/api/v1/orgs/{orgId}/...</c>: an employee's HTTP Basic sign-in.</summary>
    Admin,

    /// <summary>The web console's pages: a session cookie, and an anti-forgery token on every form.</summary>
    Console,

    /// <summary><c>/api/v1/operator/...</c>: an operator key, which no tenant holds; every tenant credential is refused.</summary>
    Operator,

    /// <summary>Endpoints anyone may call (health, sign-in, token endpoint, ...), each with a case of its own.</summary>
    Public,
}

/// <summary>Where a case's request is aimed and with which ids.</summary>
/// <param name="OrgId">The org ID put in the URL (for the surfaces that carry one).</param>
/// <param name="Foreign">The ids the request is about: another tenant's, or random ones to compare with.</param>
/// <param name="Own">Ids of the caller's own tenant, for requests that put a foreign id inside an own resource.</param>
/// <param name="FormToken">The console session's anti-forgery token, for forms.</param>
public sealed record CaseTarget(Guid OrgId, ResourceIds Foreign, ResourceIds Own, string? FormToken);

/// <summary>
/// One way of calling one endpoint. <see cref="Endpoint"/> names the routed endpoint the way
/// <see cref="EndpointCoverage"/> reads it from the app, so a new endpoint without a case fails the coverage test.
/// </summary>
/// <param name="Endpoint">"METHODS /route/pattern" of a routed endpoint, or "PAGE /Page Handler" for a Razor page handler.</param>
/// <param name="Surface">The part of Roster the endpoint belongs to.</param>
/// <param name="Build">Builds the request for a target.</param>
/// <param name="UsesIds">Whether the request names ids (in the path, query or body), so its answer for another tenant's ids must equal its answer for random ones.</param>
/// <param name="NeedsPermission">False for the few signed-in endpoints any employee may call.</param>
public sealed record EndpointCase(string Endpoint, Surface Surface, Func<CaseTarget, HttpRequestMessage> Build, bool UsesIds, bool NeedsPermission = true)
{
    /// <summary>True for a request that ends the session it is sent with: it is sent with a renewed copy (<see cref="Credential.Renew"/>).</summary>
    public bool EndsSession { get; init; }

    /// <summary>
    /// True for <c>/Me</c>, which acts on the person the credential was issued to: a credential not
    /// issued to a person signing in is refused (403) and a write with a stale <c>If-Match</c> changes nothing (412).
    /// </summary>
    public bool ActsOnCaller { get; init; }

    public override string ToString() => Endpoint;
}

using static Roster.Server.Tests.Isolation.Requests;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The operator API (<c>/api/v1/operator</c>): it reaches every tenant, so it takes an operator
/// key alone. Every credential a tenant holds is refused on it (<see cref="RefusedCredentialTests"/>),
/// and an operator key on a tenant's APIs is refused too (<see cref="OperatorKeyIsolationTests"/>).
/// The cases aim at the tenant whose data must not leak.
/// </summary>
public static class OperatorCases
{
    public static IEnumerable<EndpointCase> All()
    {
        static EndpointCase Case(string endpoint, Func<CaseTarget, HttpRequestMessage> build, bool usesIds) => new(endpoint, Surface.Operator, build, usesIds);

        const string Tenants = "api/v1/operator/tenants";
        yield return Case("GET /api/v1/operator/tenants/", _ => Send("GET", Tenants + "?pageSize=200"), false);
        yield return Case("POST /api/v1/operator/tenants/", _ => Json("POST", Tenants, """{"name":"Made by a tenant"}"""), false);
        yield return Case("GET /api/v1/operator/tenants/{id:guid}", t => Send("GET", $"{Tenants}/{t.OrgId}"), true);
        yield return Case("PATCH /api/v1/operator/tenants/{id:guid}", t => Json("PATCH", $"{Tenants}/{t.OrgId}", """{"name":"Renamed by a tenant"}"""), true);
        yield return Case("DELETE /api/v1/operator/tenants/{id:guid}", t => Json("DELETE", $"{Tenants}/{t.OrgId}", ""), true);
        yield return Case("POST /api/v1/operator/tenants/{id:guid}/setup-links", t => Json("POST", $"{Tenants}/{t.OrgId}/setup-links", """{"validForHours":1}"""), true);
    }
}

using static Roster.Server.Tests.Isolation.Requests;

namespace Roster.Server.Tests.Isolation;

/// <summary>Every SCIM endpoint, under every base URL form (with the org ID in the URL, or the tenant taken from the token).</summary>
public static class ScimCases
{
    private const string PatchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";
    private const string UserSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]";
    private const string GroupSchema = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"]";

    public static IEnumerable<EndpointCase> All() =>
    [
        .. For(Surface.ScimInOrg, "scim/v2"),
        .. For(Surface.ScimWithoutOrg, "scim/v2"),
        .. For(Surface.ScimInOrg, "oauth/scim/v2"),
        .. For(Surface.ScimWithoutOrg, "oauth/scim/v2"),
        .. For(Surface.ScimInOrg, "v1/scim"),
    ];

    private static IEnumerable<EndpointCase> For(Surface surface, string root)
    {
        var pattern = surface == Surface.ScimInOrg ? $"/{root}/{{orgId:guid}}/" : $"/{root}/";
        string Url(CaseTarget t, string relative) => surface == Surface.ScimInOrg ? $"{root}/{t.OrgId}/{relative}" : $"{root}/{relative}";
        EndpointCase Case(string method, string route, Func<CaseTarget, HttpRequestMessage> build, bool usesIds) => new($"{method} {pattern}{route}", surface, build, usesIds);
        static string Members(Guid user) => $$"""[{"value":"{{user}}"}]""";

        yield return Case("GET", "Users/", t => Send("GET", Url(t, "Users")), false);
        yield return Case("GET", "Users/", t => Send("GET", Url(t, "Users?filter=" + Uri.EscapeDataString($"id eq \"{t.Foreign.User}\""))), true);
        yield return Case("GET", "Users/", t => Send("GET", Url(t, "Users?filter=" + Uri.EscapeDataString($"userName eq \"{t.Foreign.Email}\" or emails.value eq \"{t.Foreign.Email}\""))), true);
        yield return Case("POST", "Users/.search", t => Send("POST", Url(t, "Users/.search"), $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"id eq \"{{t.Foreign.User}}\""}"""), true);
        yield return Case("POST", "Users/", t => Send("POST", Url(t, "Users"), $$"""{{{UserSchema}},"userName":"new-{{Guid.NewGuid():N}}@example.com"}"""), false);
        yield return Case("GET", "Users/{id}", t => Send("GET", Url(t, $"Users/{t.Foreign.User}")), true);
        yield return Case("GET", "Users/{id}", t => Send("GET", Url(t, $"Users/{t.Foreign.Employee}?attributes=userName")), true);
        yield return Case("PUT", "Users/{id}", t => Send("PUT", Url(t, $"Users/{t.Foreign.User}"), $$"""{{{UserSchema}},"userName":"stolen@example.com","active":false}"""), true);
        yield return Case("PATCH", "Users/{id}", t => Send("PATCH", Url(t, $"Users/{t.Foreign.User}"), $$"""{{{PatchOp}},"Operations":[{"op":"replace","path":"active","value":false}]}"""), true);
        yield return Case("DELETE", "Users/{id}", t => Send("DELETE", Url(t, $"Users/{t.Foreign.User}")), true);
        yield return Case("PUT,PATCH,DELETE", "Users/", t => Send("DELETE", Url(t, "Users")), false);
        yield return Case("POST", "Users/{id}", t => Send("POST", Url(t, $"Users/{t.Foreign.User}"), $$"""{{{UserSchema}},"userName":"stolen@example.com"}"""), true);

        yield return Case("GET", "Groups/", t => Send("GET", Url(t, "Groups")), false);
        yield return Case("GET", "Groups/", t => Send("GET", Url(t, "Groups?filter=" + Uri.EscapeDataString($"members.value eq \"{t.Foreign.User}\""))), true);
        yield return Case("GET", "Groups/", t => Send("GET", Url(t, "Groups?filter=" + Uri.EscapeDataString($"id eq \"{t.Foreign.Group}\""))), true);
        yield return Case("POST", "Groups/.search", t => Send("POST", Url(t, "Groups/.search"), $$"""{"filter":"members.value eq \"{{t.Foreign.User}}\" or id eq \"{{t.Foreign.Group}}\""}"""), true);
        yield return Case("POST", "Groups/", t => Send("POST", Url(t, "Groups"), $$"""{{{GroupSchema}},"displayName":"New {{Guid.NewGuid():N}}"}"""), false);
        yield return Case("POST", "Groups/", t => Send("POST", Url(t, "Groups"), $$"""{{{GroupSchema}},"displayName":"With a stranger","members":{{Members(t.Foreign.User)}}}"""), true);
        yield return Case("GET", "Groups/{id}", t => Send("GET", Url(t, $"Groups/{t.Foreign.Group}")), true);
        yield return Case("PUT", "Groups/{id}", t => Send("PUT", Url(t, $"Groups/{t.Foreign.Group}"), $$"""{{{GroupSchema}},"displayName":"Stolen","members":[]}"""), true);
        yield return Case("PUT", "Groups/{id}", t => Send("PUT", Url(t, $"Groups/{t.Own.Group}"), $$"""{{{GroupSchema}},"displayName":"Own group","members":{{Members(t.Foreign.User)}}}"""), true);
        yield return Case("PATCH", "Groups/{id}", t => Send("PATCH", Url(t, $"Groups/{t.Foreign.Group}"), $$"""{{{PatchOp}},"Operations":[{"op":"remove","path":"members"}]}"""), true);
        yield return Case("PATCH", "Groups/{id}", t => Send("PATCH", Url(t, $"Groups/{t.Own.Group}"), $$"""{{{PatchOp}},"Operations":[{"op":"add","path":"members","value":{{Members(t.Foreign.User)}}}]}"""), true);
        yield return Case("PATCH", "Groups/{id}", t => Send("PATCH", Url(t, $"Groups/{t.Own.Group}"), $$"""{{{PatchOp}},"Operations":[{"op":"add","value":{"members":{{Members(t.Foreign.User)}} } }]}"""), true);
        yield return Case("PATCH", "Groups/{id}", t => Send("PATCH", Url(t, $"Groups/{t.Own.Group}"), $$"""{{{PatchOp}},"Operations":[{"op":"remove","path":"members[value eq \"{{t.Foreign.User}}\"]"}]}"""), true);
        yield return Case("DELETE", "Groups/{id}", t => Send("DELETE", Url(t, $"Groups/{t.Foreign.Group}")), true);
        yield return Case("PUT,PATCH,DELETE", "Groups/", t => Send("PATCH", Url(t, "Groups"), $$"""{{{PatchOp}},"Operations":[]}"""), false);
        yield return Case("POST", "Groups/{id}", t => Send("POST", Url(t, $"Groups/{t.Foreign.Group}"), $$"""{{{GroupSchema}},"displayName":"Stolen"}"""), true);

        yield return Case("POST", ".search", t => Send("POST", Url(t, ".search"), $$"""{"filter":"id eq \"{{t.Foreign.User}}\" or id eq \"{{t.Foreign.Group}}\""}"""), true);
        yield return Case("GET", "ServiceProviderConfig", t => Send("GET", Url(t, "ServiceProviderConfig")), false);
        yield return Case("GET", "ResourceTypes", t => Send("GET", Url(t, "ResourceTypes")), false);
        yield return Case("GET", "ResourceTypes/{name}", t => Send("GET", Url(t, "ResourceTypes/User")), false);
        yield return Case("GET", "Schemas", t => Send("GET", Url(t, "Schemas")), false);
        yield return Case("GET", "Schemas/{id}", t => Send("GET", Url(t, "Schemas/urn:ietf:params:scim:schemas:core:2.0:Group")), false);
        yield return Case("GET,PUT,PATCH,DELETE", "Bulk", t => Send("DELETE", Url(t, "Bulk")), false);
        yield return Case("POST", "Bulk", t => Send("POST", Url(t, "Bulk"), $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"POST","path":"/Groups","bulkId":"g","data":{{{GroupSchema}},"displayName":"Bulk {{Guid.NewGuid():N}}","members":{{Members(t.Foreign.User)}} } },
              {"method":"PUT","path":"/Users/{{t.Foreign.User}}","data":{{{UserSchema}},"userName":"stolen@example.com"} },
              {"method":"DELETE","path":"/Groups/bulkId:{{t.Foreign.Group}}"}]}
            """), true);
        yield return Case("POST", "Bulk", t => Send("POST", Url(t, "Bulk"), $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"DELETE","path":"/Users/{{t.Foreign.User}}","bulkId":"1"},
              {"method":"PATCH","path":"/Groups/{{t.Own.Group}}","bulkId":"2","data":{{{PatchOp}},"Operations":[{"op":"add","path":"members","value":{{Members(t.Foreign.User)}} }]} }]}
            """), true);

        // /Me acts on the caller's own person: the writes carry a stale If-Match, so that a
        // tenant's own code-flow token, sent by the matrix, leaves its own administrator as it is.
        EndpointCase Me(string method, string? json) => Case(method, "Me/", t => StaleIfMatch(Send(method, Url(t, "Me"), json)), false) with { ActsOnCaller = true };
        yield return Case("GET", "Me/", t => Send("GET", Url(t, "Me")), false) with { ActsOnCaller = true };
        yield return Me("PUT", $$"""{{{UserSchema}},"userName":"stolen@example.com","active":false}""");
        yield return Me("PATCH", $$"""{{{PatchOp}},"Operations":[{"op":"replace","path":"active","value":false}]}""");
        yield return Me("DELETE", null);
        yield return Me("POST", $$"""{{{UserSchema}},"userName":"new-{{Guid.NewGuid():N}}@example.com"}""");
    }

    private static HttpRequestMessage StaleIfMatch(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("If-Match", "W/\"0\"");
        return request;
    }
}

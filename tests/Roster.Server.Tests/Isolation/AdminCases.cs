using static Roster.Server.Tests.Isolation.Requests;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Every admin API endpoint under <c>/api/v1/orgs/{orgId}</c>. State-changing requests without a
/// body still declare JSON (an empty body), as the API requires, so they reach their endpoint.
/// </summary>
public static class AdminCases
{
    private const string Org = "/api/v1/orgs/{orgId:guid}/";

    public static IEnumerable<EndpointCase> All()
    {
        static string Url(CaseTarget t, string relative) => $"api/v1/orgs/{t.OrgId}/{relative}";
        static EndpointCase Case(string method, string route, Func<CaseTarget, HttpRequestMessage> build, bool usesIds, bool needsPermission = true) =>
            new($"{method} {Org}{route}", Surface.Admin, build, usesIds, needsPermission);

        yield return Case("GET", "", t => Send("GET", Url(t, "")), false, needsPermission: false);
        yield return Case("GET", "permissions", t => Send("GET", Url(t, "permissions")), false);
        yield return Case("GET", "audit-events", t => Send("GET", Url(t, "audit-events")), false);
        yield return Case("GET", "audit-events", t => Send("GET", Url(t, $"audit-events?resourceId={t.Foreign.User}")), true);
        yield return Case("GET", "audit-events", t => Send("GET", Url(t, $"audit-events?resourceId={t.Foreign.Employee}&resourceType=employee")), true);

        yield return Case("GET", "roles/", t => Send("GET", Url(t, "roles")), false);
        yield return Case("POST", "roles/", t => Json("POST", Url(t, "roles"), $$"""{"name":"New role {{Guid.NewGuid():N}}","permissions":["audit.view"]}"""), false);
        yield return Case("GET", "roles/{id:guid}", t => Send("GET", Url(t, $"roles/{t.Foreign.Role}")), true);
        yield return Case("PUT", "roles/{id:guid}/name", t => Json("PUT", Url(t, $"roles/{t.Foreign.Role}/name"), """{"name":"Stolen role"}"""), true);
        yield return Case("PUT", "roles/{id:guid}/permissions", t => Json("PUT", Url(t, $"roles/{t.Foreign.Role}/permissions"), """{"permissions":["employees.edit","roles.manage"]}"""), true);
        yield return Case("POST", "roles/{id:guid}/deactivate", t => Json("POST", Url(t, $"roles/{t.Foreign.Role}/deactivate"), ""), true);
        yield return Case("POST", "roles/{id:guid}/activate", t => Json("POST", Url(t, $"roles/{t.Foreign.Role}/activate"), ""), true);

        yield return Case("GET", "role-rules/", t => Send("GET", Url(t, "role-rules")), false);
        yield return Case("GET", "role-rules/unmatched-values", t => Send("GET", Url(t, "role-rules/unmatched-values")), false);
        yield return Case("POST", "role-rules/", t => Json("POST", Url(t, "role-rules"), $$"""{"match":"group.id","value":"{{t.Foreign.Group}}","roleId":"{{t.Own.Role}}"}"""), true);
        yield return Case("POST", "role-rules/", t => Json("POST", Url(t, "role-rules"), $$"""{"match":"roles.value","value":"Admin","roleId":"{{t.Foreign.Role}}"}"""), true);
        yield return Case("PUT", "role-rules/{id:guid}", t => Json("PUT", Url(t, $"role-rules/{t.Foreign.RoleRule}"), $$"""{"match":"roles.value","value":"Admin","roleId":"{{t.Own.Role}}"}"""), true);
        yield return Case("DELETE", "role-rules/{id:guid}", t => Json("DELETE", Url(t, $"role-rules/{t.Foreign.RoleRule}"), ""), true);
        yield return Case("POST", "role-rules/preview", t => Json("POST", Url(t, "role-rules/preview"), $$"""{"ruleId":"{{t.Foreign.RoleRule}}","delete":true}"""), true);
        yield return Case("POST", "role-rules/preview", t => Json("POST", Url(t, "role-rules/preview"), $$"""{"match":"group.id","value":"{{t.Foreign.Group}}","roleId":"{{t.Own.Role}}"}"""), true);

        yield return Case("GET", "scim-settings/", t => Send("GET", Url(t, "scim-settings")), false);
        yield return Case("PUT", "scim-settings/", t => Json("PUT", Url(t, "scim-settings"), $$"""{"enabled":true,"defaultRoleId":"{{t.Foreign.Role}}","userNameMustBePrimaryEmail":false,"namesNotUpdatable":false}"""), true);
        yield return Case("PUT", "scim-settings/", t => Json("PUT", Url(t, "scim-settings"), $$"""{"enabled":true,"requiredRoleId":"{{t.Foreign.Role}}","userNameMustBePrimaryEmail":false,"namesNotUpdatable":false}"""), true);

        yield return Case("GET", "scim/schema-extensions/", t => Send("GET", Url(t, "scim/schema-extensions")), false);
        yield return Case("POST", "scim/schema-extensions/", t => Json("POST", Url(t, "scim/schema-extensions"), $$$"""{"resourceType":"User","schema":{"id":"urn:example:new{{{Guid.NewGuid():N}}}:2.0:User","attributes":[{"name":"x","type":"string"}]}}"""), false);
        yield return Case("GET", "scim/schema-extensions/{id:guid}", t => Send("GET", Url(t, $"scim/schema-extensions/{t.Foreign.SchemaExtension}")), true);
        yield return Case("PUT", "scim/schema-extensions/{id:guid}", t => Json("PUT", Url(t, $"scim/schema-extensions/{t.Foreign.SchemaExtension}"), """{"resourceType":"User","schema":{"id":"urn:example:stolen:2.0:User","attributes":[{"name":"x","type":"string"}]}}"""), true);
        yield return Case("DELETE", "scim/schema-extensions/{id:guid}", t => Json("DELETE", Url(t, $"scim/schema-extensions/{t.Foreign.SchemaExtension}"), ""), true);

        yield return Case("GET", "domains/", t => Send("GET", Url(t, "domains")), false);
        yield return Case("POST", "domains/", t => Json("POST", Url(t, "domains"), $$"""{"domain":"d{{Guid.NewGuid():N}}.example.net"}"""), false);
        yield return Case("DELETE", "domains/{id:guid}", t => Json("DELETE", Url(t, $"domains/{t.Foreign.Domain}"), ""), true);
        yield return Case("POST", "domains/{id:guid}/verify", t => Json("POST", Url(t, $"domains/{t.Foreign.Domain}/verify"), ""), true);

        yield return Case("GET", "sso/connections/", t => Send("GET", Url(t, "sso/connections")), false);
        yield return Case("POST", "sso/connections/", t => Json("POST", Url(t, "sso/connections"), $$"""{"protocol":"oidc","name":"IdP {{Guid.NewGuid():N}}","issuer":"https://idp.example.net","clientId":"roster"}"""), false);
        yield return Case("GET", "sso/connections/{id:guid}", t => Send("GET", Url(t, $"sso/connections/{t.Foreign.SsoConnection}")), true);
        yield return Case("PATCH", "sso/connections/{id:guid}", t => Json("PATCH", Url(t, $"sso/connections/{t.Foreign.SsoConnection}"), """{"issuer":"https://attacker.example.net","clientSecret":"stolen"}"""), true);
        yield return Case("DELETE", "sso/connections/{id:guid}", t => Json("DELETE", Url(t, $"sso/connections/{t.Foreign.SsoConnection}"), ""), true);
        yield return Case("GET", "sso/settings/", t => Send("GET", Url(t, "sso/settings")), false);
        yield return Case("PATCH", "sso/settings/", t => Json("PATCH", Url(t, "sso/settings"), $$"""{"breakGlass":["{{t.Foreign.Employee}}"]}"""), true);

        yield return Case("GET", "employees/", t => Send("GET", Url(t, "employees")), false);
        yield return Case("GET", "employees/", t => Send("GET", Url(t, $"employees?search={Uri.EscapeDataString(t.Foreign.Email)}")), true);
        yield return Case("GET", "employees/{id:guid}", t => Send("GET", Url(t, $"employees/{t.Foreign.Employee}")), true);
        yield return Case("GET", "employees/{id:guid}", t => Send("GET", Url(t, $"employees/{t.Foreign.User}")), true);
        yield return Case("POST", "employees/", t => Json("POST", Url(t, "employees"), $$"""{"email":"new-{{Guid.NewGuid():N}}@example.com","firstName":"New","lastName":"Person","primaryRoleId":"{{t.Foreign.Role}}"}"""), true);
        yield return Case("PUT", "employees/{id:guid}", t => Json("PUT", Url(t, $"employees/{t.Foreign.Employee}"), """{"firstName":"Stolen","active":false}"""), true);
        yield return Case("PUT", "employees/{id:guid}", t => Json("PUT", Url(t, $"employees/{t.Own.Employee}"), $$"""{"primaryRoleId":"{{t.Foreign.Role}}"}"""), true);
        yield return Case("DELETE", "employees/{id:guid}", t => Json("DELETE", Url(t, $"employees/{t.Foreign.Employee}"), ""), true);
        yield return Case("POST", "employees/{id:guid}/unlock", t => Json("POST", Url(t, $"employees/{t.Foreign.Employee}/unlock"), ""), true);
        yield return Case("POST", "employees/{id:guid}/invite", t => Json("POST", Url(t, $"employees/{t.Foreign.Employee}/invite"), ""), true);
        yield return Case("PUT", "employees/{id:guid}/groups/{groupId:guid}", t => Json("PUT", Url(t, $"employees/{t.Foreign.Employee}/groups/{t.Foreign.Group}"), ""), true);
        yield return Case("PUT", "employees/{id:guid}/groups/{groupId:guid}", t => Json("PUT", Url(t, $"employees/{t.Own.Employee}/groups/{t.Foreign.Group}"), ""), true);
        yield return Case("PUT", "employees/{id:guid}/groups/{groupId:guid}", t => Json("PUT", Url(t, $"employees/{t.Foreign.Employee}/groups/{t.Own.Group}"), ""), true);
        yield return Case("DELETE", "employees/{id:guid}/groups/{groupId:guid}", t => Json("DELETE", Url(t, $"employees/{t.Foreign.User}/groups/{t.Foreign.Group}"), ""), true);
        yield return Case("POST", "employees/{id:guid}/access-keys", t => Json("POST", Url(t, $"employees/{t.Foreign.Employee}/access-keys"), ""), true);
        yield return Case("GET", "employees/{id:guid}/roles", t => Send("GET", Url(t, $"employees/{t.Foreign.Employee}/roles")), true);
        yield return Case("PUT", "employees/{id:guid}/role-grants/{roleId:guid}", t => Json("PUT", Url(t, $"employees/{t.Foreign.Employee}/role-grants/{t.Own.Role}"), ""), true);
        yield return Case("PUT", "employees/{id:guid}/role-grants/{roleId:guid}", t => Json("PUT", Url(t, $"employees/{t.Own.Employee}/role-grants/{t.Foreign.Role}"), ""), true);
        yield return Case("DELETE", "employees/{id:guid}/role-grants/{roleId:guid}", t => Json("DELETE", Url(t, $"employees/{t.Foreign.Employee}/role-grants/{t.Foreign.Role}"), ""), true);
        yield return Case("GET", "employees/{id:guid}/second-factor", t => Send("GET", Url(t, $"employees/{t.Foreign.Employee}/second-factor")), true);
        yield return Case("DELETE", "employees/{id:guid}/second-factor", t => Json("DELETE", Url(t, $"employees/{t.Foreign.Employee}/second-factor"), ""), true);

        yield return Case("GET", "scim-tokens/", t => Send("GET", Url(t, "scim-tokens")), false);
        yield return Case("POST", "scim-tokens/", t => Json("POST", Url(t, "scim-tokens"), $$"""{"name":"Stolen","ownerId":"{{t.Foreign.Employee}}"}"""), true);
        yield return Case("DELETE", "scim-tokens/{id:guid}", t => Json("DELETE", Url(t, $"scim-tokens/{t.Foreign.ScimToken}"), ""), true);

        yield return Case("GET", "access-keys/", t => Send("GET", Url(t, "access-keys")), false);
        yield return Case("GET", "access-keys/", t => Send("GET", Url(t, $"access-keys?ownerId={t.Foreign.Employee}")), true);
        yield return Case("POST", "access-keys/{id:guid}/deactivate", t => Json("POST", Url(t, $"access-keys/{t.Foreign.AccessKey}/deactivate"), ""), true);
        yield return Case("POST", "access-keys/{id:guid}/activate", t => Json("POST", Url(t, $"access-keys/{t.Foreign.AccessKey}/activate"), ""), true);
        yield return Case("DELETE", "access-keys/{id:guid}", t => Json("DELETE", Url(t, $"access-keys/{t.Foreign.AccessKey}"), ""), true);

        yield return Case("GET", "apps/", t => Send("GET", Url(t, "apps")), false);
        yield return Case("GET", "apps/{id:guid}", t => Send("GET", Url(t, $"apps/{t.Foreign.App}")), true);
        yield return Case("POST", "apps/", t => Json("POST", Url(t, "apps"), """{"name":"New app","technicalContacts":["it@example.com"],"clientType":"back-end","scopes":["scim"]}"""), false);
        yield return Case("PUT", "apps/{id:guid}", t => Json("PUT", Url(t, $"apps/{t.Foreign.App}"), """{"description":"Stolen","technicalContacts":["thief@example.com"]}"""), true);
        yield return Case("DELETE", "apps/{id:guid}", t => Json("DELETE", Url(t, $"apps/{t.Foreign.App}"), ""), true);
        yield return Case("POST", "apps/{id:guid}/revoke-consents", t => Json("POST", Url(t, $"apps/{t.Foreign.App}/revoke-consents"), ""), true);
        yield return Case("GET", "events", t => Send("GET", Url(t, "events?after=0")), false);
        yield return Case("GET", "webhooks/", t => Send("GET", Url(t, "webhooks")), false);
        yield return Case("POST", "webhooks/", t => Json("POST", Url(t, "webhooks"), $$"""{"url":"https://hooks.invalid/{{Guid.NewGuid():N}}","enabled":false}"""), false);
        yield return Case("GET", "webhooks/{id:guid}", t => Send("GET", Url(t, $"webhooks/{t.Foreign.Webhook}")), true);
        yield return Case("PUT", "webhooks/{id:guid}", t => Json("PUT", Url(t, $"webhooks/{t.Foreign.Webhook}"), """{"url":"https://hooks.invalid/stolen","enabled":true}"""), true);
        yield return Case("DELETE", "webhooks/{id:guid}", t => Json("DELETE", Url(t, $"webhooks/{t.Foreign.Webhook}"), ""), true);
        yield return Case("POST", "webhooks/{id:guid}/rotate-secret", t => Json("POST", Url(t, $"webhooks/{t.Foreign.Webhook}/rotate-secret"), "{}"), true);
        yield return Case("POST", "webhooks/{id:guid}/test", t => Json("POST", Url(t, $"webhooks/{t.Foreign.Webhook}/test"), ""), true);
        yield return Case("GET", "webhooks/{id:guid}/attempts", t => Send("GET", Url(t, $"webhooks/{t.Foreign.Webhook}/attempts")), true);
        yield return Case("GET", "webhooks/{id:guid}/deliveries", t => Send("GET", Url(t, $"webhooks/{t.Foreign.Webhook}/deliveries?state=dead")), true);
        yield return Case("POST", "webhooks/{id:guid}/redeliver", t => Json("POST", Url(t, $"webhooks/{t.Foreign.Webhook}/redeliver"), "{}"), true);
    }
}

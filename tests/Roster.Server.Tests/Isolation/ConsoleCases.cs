using static Roster.Server.Tests.Isolation.Requests;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Every handler of every signed-in console page. The console's URLs carry no org ID (the tenant
/// is the session's), so another tenant's data could only be reached through its ids.
/// </summary>
public static class ConsoleCases
{
    public static IEnumerable<EndpointCase> All()
    {
        static EndpointCase Get(string page, Func<CaseTarget, string> url, bool usesIds) =>
            new($"PAGE {page} Get", Surface.Console, t => Send("GET", url(t)), usesIds);
        static EndpointCase Post(string page, string handler, Func<CaseTarget, string> url, Func<CaseTarget, (string, string)[]> fields, bool usesIds) =>
            new($"PAGE {page} {handler}", Surface.Console, t => Form(url(t), t.FormToken, fields(t)), usesIds);
        static (string, string)[] None(CaseTarget t) => [];

        // The home page and signing out are for every signed-in employee, whatever their role.
        yield return Get("/Index", _ => "console", false) with { NeedsPermission = false };
        yield return Get("/SignOut", _ => "console/sign-out", false) with { NeedsPermission = false };
        yield return Post("/SignOut", "Post", _ => "console/sign-out", None, false) with { NeedsPermission = false, EndsSession = true };
        // A person's own settings: the profile is the session's, never one named in the request.
        yield return Get("/Account", _ => "console/account", false) with { NeedsPermission = false };
        yield return Post("/Account", "Post", _ => "console/account", _ => [("Language", ""), ("TimeZone", "Etc/UTC")], false) with { NeedsPermission = false };
        yield return Post("/Account", "PostStartSecondFactor", _ => "console/account?handler=startsecondfactor", None, false) with { NeedsPermission = false };
        yield return Post("/Account", "PostConfirmSecondFactor", _ => "console/account?handler=confirmsecondfactor", _ => [("Code", "000000")], false) with { NeedsPermission = false };
        yield return Post("/Account", "PostRemoveSecondFactor", _ => "console/account?handler=removesecondfactor", None, false) with { NeedsPermission = false };
        yield return Get("/Audit", _ => "console/audit", false);
        yield return Get("/Audit", t => $"console/audit?actor={t.Foreign.Employee}", true);
        yield return Get("/Audit", t => $"console/audit?actor={Uri.EscapeDataString(t.Foreign.Email)}", true);
        yield return Get("/Audit", t => $"console/audit?resourceId={t.Foreign.User}", true);
        yield return Get("/Provisioning/Activity", _ => "console/provisioning/activity", false);
        yield return Get("/Provisioning/Error", t => $"console/provisioning/activity/errors/{t.Foreign.RefusedRequest}", true);

        yield return Get("/Employees/Index", _ => "console/employees", false);
        yield return Get("/Employees/Index", t => $"console/employees?search={Uri.EscapeDataString(t.Foreign.Email)}", true);
        yield return Post("/Employees/Index", "PostInvite", t => $"console/employees?handler=invite&id={t.Foreign.Employee}", None, true);
        yield return Post("/Employees/Index", "PostUnlock", t => $"console/employees?handler=unlock&id={t.Foreign.Employee}", None, true);
        yield return Get("/Employees/New", _ => "console/employees/new", false);
        yield return Post("/Employees/New", "Post", _ => "console/employees/new", t =>
            [("Email", "new-person@example.com"), ("FirstName", "New"), ("LastName", "Person"), ("PrimaryRoleId", t.Foreign.Role.ToString())], true);
        yield return Get("/Employees/Edit", t => $"console/employees/{t.Foreign.Employee}", true);
        yield return Get("/Employees/Edit", t => $"console/employees/{t.Foreign.User}", true);
        yield return Post("/Employees/Edit", "PostSave", t => $"console/employees/{t.Foreign.Employee}?handler=save", _ => [("FirstName", "Stolen"), ("LastName", "Person")], true);
        yield return Post("/Employees/Edit", "PostSave", t => $"console/employees/{t.Own.Employee}?handler=save", t => [("FirstName", "Own"), ("LastName", "Person"), ("PrimaryRoleId", t.Foreign.Role.ToString())], true);
        yield return Post("/Employees/Edit", "PostClearBilling", t => $"console/employees/{t.Foreign.Employee}?handler=clearbilling", None, true);
        yield return Post("/Employees/Edit", "PostInvite", t => $"console/employees/{t.Foreign.Employee}?handler=invite", None, true);
        yield return Post("/Employees/Edit", "PostUnlock", t => $"console/employees/{t.Foreign.Employee}?handler=unlock", None, true);
        yield return Post("/Employees/Edit", "PostDelete", t => $"console/employees/{t.Foreign.Employee}?handler=delete", None, true);
        yield return Post("/Employees/Edit", "PostResetSecondFactor", t => $"console/employees/{t.Foreign.Employee}?handler=resetsecondfactor", None, true);
        yield return Post("/Employees/Edit", "PostGrant", t => $"console/employees/{t.Foreign.Employee}?handler=grant", t => [("GrantRoleId", t.Own.Role.ToString())], true);
        yield return Post("/Employees/Edit", "PostGrant", t => $"console/employees/{t.Own.Employee}?handler=grant", t => [("GrantRoleId", t.Foreign.Role.ToString())], true);
        yield return Post("/Employees/Edit", "PostRevoke", t => $"console/employees/{t.Foreign.Employee}?handler=revoke&roleId={t.Foreign.Role}", None, true);
        yield return Get("/Employees/Security", t => $"console/employees/{t.Foreign.Employee}/security", true);
        yield return Get("/Employees/Provisioned", t => $"console/employees/{t.Foreign.Employee}/provisioned", true);
        yield return Get("/Employees/Provisioned", t => $"console/employees/{t.Foreign.User}/provisioned", true);
        yield return Post("/Employees/Security", "PostAdd", t => $"console/employees/{t.Foreign.Employee}/security?handler=add", None, true);
        yield return Post("/Employees/Security", "PostDeactivate", t => $"console/employees/{t.Foreign.Employee}/security?handler=deactivate&keyId={t.Foreign.AccessKey}", None, true);
        yield return Post("/Employees/Security", "PostDeactivate", t => $"console/employees/{t.Own.Employee}/security?handler=deactivate&keyId={t.Foreign.AccessKey}", None, true);
        yield return Post("/Employees/Security", "PostActivate", t => $"console/employees/{t.Own.Employee}/security?handler=activate&keyId={t.Foreign.AccessKey}", None, true);
        yield return Post("/Employees/Security", "PostDelete", t => $"console/employees/{t.Foreign.Employee}/security?handler=delete&keyId={t.Foreign.AccessKey}", None, true);
        yield return Post("/Employees/Security", "PostDelete", t => $"console/employees/{t.Own.Employee}/security?handler=delete&keyId={t.Foreign.AccessKey}", None, true);

        yield return Get("/Security/Domains", _ => "console/security/domains", false);
        yield return Get("/Security/Login/Sso", _ => "console/security/login/sso", false);
        yield return Post("/Security/Login/Sso", "PostCreate", _ => "console/security/login/sso?handler=create", _ => [("Name", $"IdP {Guid.NewGuid():N}"), ("Issuer", "https://idp.example.net"), ("ClientId", "roster")], false);
        yield return Post("/Security/Login/Sso", "PostUpdate", t => $"console/security/login/sso?handler=update&id={t.Foreign.SsoConnection}", _ => [("Issuer", "https://attacker.example.net"), ("ClientSecret", "stolen")], true);
        yield return Post("/Security/Login/Sso", "PostCreateSaml", _ => "console/security/login/sso?handler=createsaml", _ => [("SamlName", $"SAML {Guid.NewGuid():N}"), ("IdpEntityId", "https://idp.example.net"), ("IdpSsoUrl", "https://idp.example.net/sso"), ("IdpCertificate", Roster.Server.Tests.Sso.SamlKey.Create().CertificatePem)], false);
        yield return Post("/Security/Login/Sso", "PostUpdateSaml", t => $"console/security/login/sso?handler=updatesaml&id={t.Foreign.SsoConnection}", _ => [("IdpEntityId", "https://attacker.example.net"), ("AllowIdpInitiated", "true")], true);
        yield return Post("/Security/Login/Sso", "PostRefreshMetadata", t => $"console/security/login/sso?handler=refreshmetadata&id={t.Foreign.SsoConnection}", None, true);
        yield return Post("/Security/Login/Sso", "PostDelete", t => $"console/security/login/sso?handler=delete&id={t.Foreign.SsoConnection}", None, true);
        yield return Post("/Security/Login/Sso", "PostSettings", _ => "console/security/login/sso?handler=settings", t => [("AddBreakGlass", t.Foreign.Email)], true);
        yield return Post("/Security/Login/Sso", "PostSettings", _ => "console/security/login/sso?handler=settings", t => [("BreakGlass", t.Foreign.Employee.ToString())], true);
        yield return Post("/Security/Domains", "PostAdd", _ => "console/security/domains?handler=add", _ => [("Domain", $"d{Guid.NewGuid():N}.example.net")], false);
        yield return Post("/Security/Domains", "PostVerify", t => $"console/security/domains?handler=verify&id={t.Foreign.Domain}", None, true);
        yield return Post("/Security/Domains", "PostRemove", t => $"console/security/domains?handler=remove&id={t.Foreign.Domain}", None, true);
        yield return Get("/Security/Login/Scim", _ => "console/security/login/scim", false);
        yield return Post("/Security/Login/Scim", "Post", _ => "console/security/login/scim", t => [("Enabled", "true"), ("DefaultRoleId", t.Foreign.Role.ToString())], true);
        yield return Post("/Security/Login/Scim", "Post", _ => "console/security/login/scim", t => [("Enabled", "true"), ("RequiredRoleId", t.Foreign.Role.ToString())], true);
        yield return Post("/Security/Login/Scim", "PostGenerate", _ => "console/security/login/scim?handler=generate", t => [("Enabled", "true"), ("DefaultRoleId", t.Foreign.Role.ToString())], true);
        yield return Get("/Security/Login/Guide", _ => "console/security/login/guides/okta", false);
        yield return Get("/Security/Login/Guide", t => $"console/security/login/guides/entra-id?connection={t.Foreign.SsoConnection}", true);
        yield return Get("/Security/RoleRules/Index", _ => "console/security/role-rules", false);
        yield return Post("/Security/RoleRules/Index", "PostPreview", _ => "console/security/role-rules?handler=preview", t =>
            [("Match", "group.id"), ("Value", t.Foreign.Group.ToString()), ("RoleId", t.Own.Role.ToString())], true);
        yield return Post("/Security/RoleRules/Index", "PostSave", _ => "console/security/role-rules?handler=save", t =>
            [("Match", "roles.value"), ("Value", "Admin"), ("RoleId", t.Foreign.Role.ToString())], true);
        yield return Post("/Security/RoleRules/Index", "PostPreviewRemoval", t => $"console/security/role-rules?handler=previewremoval&id={t.Foreign.RoleRule}", None, true);
        yield return Post("/Security/RoleRules/Index", "PostRemove", t => $"console/security/role-rules?handler=remove&id={t.Foreign.RoleRule}", None, true);
        yield return Get("/Security/Roles/Index", _ => "console/security/roles", false);
        yield return Get("/Security/Roles/New", _ => "console/security/roles/new", false);
        yield return Post("/Security/Roles/New", "Post", _ => "console/security/roles/new", _ => [("Name", $"New role {Guid.NewGuid():N}"), ("Permissions", "audit.view")], false);
        yield return Get("/Security/Roles/Edit", t => $"console/security/roles/{t.Foreign.Role}", true);
        yield return Get("/Security/Roles/Edit", t => $"console/security/roles/{t.Foreign.Role}?tab=permissions", true);
        yield return Post("/Security/Roles/Edit", "PostRename", t => $"console/security/roles/{t.Foreign.Role}?handler=rename", _ => [("Name", "Stolen role")], true);
        yield return Post("/Security/Roles/Edit", "PostPermissions", t => $"console/security/roles/{t.Foreign.Role}?handler=permissions", _ => [("Permissions", "roles.manage")], true);
        yield return Post("/Security/Roles/Edit", "PostDeactivate", t => $"console/security/roles/{t.Foreign.Role}?handler=deactivate", None, true);
        yield return Post("/Security/Roles/Edit", "PostActivate", t => $"console/security/roles/{t.Foreign.Role}?handler=activate", None, true);

        yield return Get("/Settings/ScimTokens", _ => "console/settings/scim-tokens", false);
        yield return Post("/Settings/ScimTokens", "PostGenerate", _ => "console/settings/scim-tokens?handler=generate", t => [("Name", "Stolen"), ("OwnerId", t.Foreign.Employee.ToString())], true);
        yield return Post("/Settings/ScimTokens", "PostFindOwner", _ => "console/settings/scim-tokens?handler=findowner", t => [("OwnerSearch", t.Foreign.Email)], true);
        yield return Post("/Settings/ScimTokens", "PostRevoke", t => $"console/settings/scim-tokens?handler=revoke&id={t.Foreign.ScimToken}", None, true);
        yield return Get("/Settings/ScimSchema/Index", _ => "console/settings/scim-schema", false);
        yield return Post("/Settings/ScimSchema/Index", "PostDelete", t => $"console/settings/scim-schema?handler=delete&id={t.Foreign.SchemaExtension}", None, true);
        yield return Get("/Settings/ScimSchema/Edit", _ => "console/settings/scim-schema/edit", false);
        yield return Get("/Settings/ScimSchema/Edit", t => $"console/settings/scim-schema/edit/{t.Foreign.SchemaExtension}", true);
        yield return Post("/Settings/ScimSchema/Edit", "Post", _ => "console/settings/scim-schema/edit", _ =>
            [("Urn", $"urn:example:console{Guid.NewGuid():N}:2.0:User"), ("ResourceType", "User"), ("Attributes[0].Name", "badge"), ("Attributes[0].Type", "string")], false);
        yield return Post("/Settings/ScimSchema/Edit", "Post", t => $"console/settings/scim-schema/edit/{t.Foreign.SchemaExtension}", _ =>
            [("Urn", "urn:example:stolen:2.0:User"), ("ResourceType", "User"), ("Attributes[0].Name", "stolen"), ("Attributes[0].Type", "string")], true);
        yield return Post("/Settings/ScimSchema/Edit", "PostAddRow", _ => "console/settings/scim-schema/edit?handler=addrow", _ => [("Attributes[0].Name", "badge")], false);
        yield return Post("/Settings/ScimSchema/Edit", "PostRemoveRow", _ => "console/settings/scim-schema/edit?handler=removerow&row=0", _ => [("Attributes[0].Name", "badge")], false);
        yield return Get("/Settings/NewScimToken", _ => "console/scim-token/new?name=Stolen&expires=365", false);
        yield return Post("/Settings/NewScimToken", "Post", _ => "console/scim-token/new", _ => [("Name", "Stolen"), ("Expires", "365")], false);

        yield return Get("/Developer/Apps/Index", _ => "console/developer/apps", false);
        yield return Post("/Developer/Apps/Index", "PostDelete", t => $"console/developer/apps?handler=delete&id={t.Foreign.App}", None, true);
        yield return Post("/Developer/Apps/Index", "PostRevokeConsents", t => $"console/developer/apps?handler=revokeconsents&id={t.Foreign.App}", None, true);
        yield return Get("/Developer/Webhooks/Index", _ => "console/developer/webhooks", false);
        yield return Post("/Developer/Webhooks/Index", "Post", _ => "console/developer/webhooks", _ => [("EndpointUrl", "not a url")], false);
        yield return Get("/Developer/Webhooks/Endpoint", t => $"console/developer/webhooks/{t.Foreign.Webhook}", true);
        foreach (var handler in new[] { "Enable", "Disable", "Redeliver", "Delete", "Rotate", "Test" })
        {
            yield return Post("/Developer/Webhooks/Endpoint", "Post" + handler, t => $"console/developer/webhooks/{t.Foreign.Webhook}?handler={handler.ToLowerInvariant()}", None, true);
        }

        yield return Get("/Developer/Apps/Edit", t => $"console/developer/apps/{t.Foreign.App}", true);
        yield return Post("/Developer/Apps/Edit", "Post", t => $"console/developer/apps/{t.Foreign.App}", _ => [("Description", "Stolen"), ("Contacts", "thief@example.com"), ("RedirectUris", "https://thief.example.com/callback")], true);
        yield return Get("/Developer/Apps/New", _ => "console/developer/apps/new", false);
        yield return Post("/Developer/Apps/New", "Post", _ => "console/developer/apps/new", _ =>
            [("Name", $"New app {Guid.NewGuid():N}"), ("Contacts", "it@example.com"), ("ClientType", "back-end"), ("Scopes", "scim")], false);
    }
}

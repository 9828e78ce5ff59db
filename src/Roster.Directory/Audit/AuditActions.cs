namespace Roster.Directory.Audit;

/// <summary>The <c>action</c> of audit events: stable keys that filters and the console rely on.</summary>
public static class AuditActions
{
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserDelete = "user.delete";
    public const string GroupCreate = "group.create";
    public const string GroupUpdate = "group.update";
    public const string GroupMembersAdd = "group.members.add";
    public const string GroupMembersRemove = "group.members.remove";
    public const string GroupDelete = "group.delete";
    public const string RoleCreate = "role.create";
    public const string RoleUpdate = "role.update";

    /// <summary>Who gained or lost a role through a change that is not their own write: a group's members, a group's name, a rule.</summary>
    public const string RoleGrantsChange = "role.grants.change";
    public const string RoleRuleCreate = "role_rule.create";
    public const string RoleRuleUpdate = "role_rule.update";
    public const string RoleRuleDelete = "role_rule.delete";
    public const string RoleGrantManual = "role.grant.manual";
    public const string RoleRevokeManual = "role.revoke.manual";
    public const string ScimSettingsUpdate = "scim.settings.update";
    public const string SchemaExtensionCreate = "scim.schema_extension.create";
    public const string SchemaExtensionUpdate = "scim.schema_extension.update";
    public const string SchemaExtensionDelete = "scim.schema_extension.delete";
    public const string EmployeeCreate = "employee.create";
    public const string EmployeeUpdate = "employee.update";
    public const string EmployeeDelete = "employee.delete";
    public const string EmployeeInvite = "employee.invite";
    public const string EmployeeActivate = "employee.activate";
    public const string EmployeeUnlock = "employee.unlock";

    /// <summary>A person changed their own console language or time zone.</summary>
    public const string EmployeePreferences = "employee.preferences";
    public const string EmployeeLock = "employee.lock";

    /// <summary>The last active administrator reached the lock's threshold: throttled per address, not locked.</summary>
    public const string EmployeeThrottle = "employee.throttle";
    public const string DomainAdd = "domain.add";
    public const string DomainVerify = "domain.verify";
    public const string DomainRemove = "domain.remove";
    public const string ScimTokenCreate = "scim_token.create";
    public const string ScimTokenRevoke = "scim_token.revoke";
    public const string AccessKeyCreate = "access_key.create";
    public const string AccessKeyActivate = "access_key.activate";
    public const string AccessKeyDeactivate = "access_key.deactivate";
    public const string AccessKeyDelete = "access_key.delete";
    public const string AppCreate = "app.create";
    public const string AppUpdate = "app.update";
    public const string AppDelete = "app.delete";
    public const string AppConsentRevoke = "app.consent.revoke";
    public const string WebhookCreate = "webhook.create";
    public const string WebhookUpdate = "webhook.update";
    public const string WebhookSecretRotate = "webhook.secret.rotate";
    public const string WebhookDisable = "webhook.disable";
    public const string WebhookDelete = "webhook.delete";
    public const string WebhookRedeliver = "webhook.redeliver";
    public const string SsoConnectionCreate = "sso_connection.create";
    public const string SsoConnectionUpdate = "sso_connection.update";
    public const string SsoConnectionDelete = "sso_connection.delete";
    public const string SsoSettingsUpdate = "sso.settings.update";
}

namespace Roster.Directory.Events;

/// <summary>
/// The <c>type</c> of directory events (docs/events.md): stable names a consumer filters on and
/// switches over. Each is written in the same transaction as the change it reports.
/// </summary>
public static class EventTypes
{
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserDeleted = "user.deleted";
    public const string GroupCreated = "group.created";
    public const string GroupUpdated = "group.updated";
    public const string GroupDeleted = "group.deleted";
    public const string GroupMembersAdded = "group.members.added";
    public const string GroupMembersRemoved = "group.members.removed";
    public const string EmployeeRolesChanged = "employee.roles.changed";
    public const string EmployeeInvited = "employee.invited";
    public const string EmployeeActivated = "employee.activated";
    public const string EmployeeLocked = "employee.locked";
    public const string EmployeeUnlocked = "employee.unlocked";
    public const string RoleCreated = "role.created";
    public const string RoleUpdated = "role.updated";
    public const string RoleGrantsAdded = "role.grants.added";
    public const string RoleGrantsRemoved = "role.grants.removed";
    public const string ScimTokenCreated = "scim.token.created";
    public const string ScimTokenRevoked = "scim.token.revoked";
    public const string ScimSettingsUpdated = "scim.settings.updated";
    public const string DomainAdded = "domain.added";
    public const string DomainVerified = "domain.verified";
    public const string DomainRemoved = "domain.removed";
    public const string AccessKeyCreated = "access_key.created";
    public const string AccessKeyActivated = "access_key.activated";
    public const string AccessKeyDeactivated = "access_key.deactivated";
    public const string AccessKeyDeleted = "access_key.deleted";
    public const string AppCreated = "app.created";
    public const string AppUpdated = "app.updated";
    public const string AppDeleted = "app.deleted";
    public const string AppConsentRevoked = "app.consent.revoked";
    public const string WebhookEndpointCreated = "webhook.endpoint.created";
    public const string WebhookEndpointUpdated = "webhook.endpoint.updated";
    public const string WebhookEndpointDeleted = "webhook.endpoint.deleted";

    /// <summary>Sent by "send test event" only; never stored in the feed.</summary>
    public const string WebhookTest = "webhook.test";

    /// <summary>Every type the feed can hold, in the order docs/events.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UserCreated, UserUpdated, UserDeactivated, UserReactivated, UserDeleted,
        GroupCreated, GroupUpdated, GroupDeleted, GroupMembersAdded, GroupMembersRemoved,
        EmployeeRolesChanged, EmployeeInvited, EmployeeActivated, EmployeeLocked, EmployeeUnlocked,
        RoleCreated, RoleUpdated, RoleGrantsAdded, RoleGrantsRemoved, ScimTokenCreated, ScimTokenRevoked, ScimSettingsUpdated,
        DomainAdded, DomainVerified, DomainRemoved,
        AccessKeyCreated, AccessKeyActivated, AccessKeyDeactivated, AccessKeyDeleted,
        AppCreated, AppUpdated, AppDeleted, AppConsentRevoked,
        WebhookEndpointCreated, WebhookEndpointUpdated, WebhookEndpointDeleted,
    ];

    /// <summary>
    /// True when <paramref name="pattern"/> names a type or a family of types: an exact type, or a
    /// prefix ending in <c>.*</c> (<c>user.*</c>, <c>group.members.*</c>), or <c>*</c> for all.
    /// </summary>
    public static bool IsPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == "*")
        {
            return true;
        }

        return pattern.EndsWith(".*", StringComparison.Ordinal)
            ? All.Any(t => t.StartsWith(pattern[..^1], StringComparison.Ordinal))
            : All.Contains(pattern, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="type"/> matches one of <paramref name="patterns"/>; no patterns match everything.</summary>
    public static bool Matches(string type, IReadOnlyCollection<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Count == 0 || patterns.Any(p => p == "*" || (p.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(p[..^1], StringComparison.Ordinal)
            : string.Equals(p, type, StringComparison.Ordinal)));
    }
}

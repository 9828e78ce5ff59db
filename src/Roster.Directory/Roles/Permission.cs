namespace Roster.Directory.Roles;

/// <summary>
/// One permission of the fixed catalogue a role can grant (CXone "Security > Roles and
/// permissions"). <see cref="Key"/> is stable: it is stored, sent by the admin API and shown in
/// the audit log.
/// </summary>
public sealed record Permission
{
    public static readonly Permission EmployeesView = new("employees.view", "View employee profiles.");

    /// <summary>Create and edit employees; as in CXone, granting it turns <see cref="EmployeesView"/> on.</summary>
    public static readonly Permission EmployeesEdit = new("employees.edit", "Create and edit employee profiles.", EmployeesView);

    public static readonly Permission ScimManage = new("scim.manage", "Manage SCIM settings and SCIM tokens.");

    public static readonly Permission SecurityLoginManage = new("security.login.manage", "Set up and manage login and security settings.");

    public static readonly Permission RolesManage = new("roles.manage", "Create, rename, change and deactivate roles.");

    public static readonly Permission AuditView = new("audit.view", "View the audit log.");

    public static readonly Permission AccessKeysManage = new("accesskeys.manage", "Create, deactivate and delete access keys.");

    /// <summary>
    /// Read the change feed and the webhook delivery log. Events carry the users and groups as they
    /// are after each change, so granting it turns <see cref="EmployeesView"/> on.
    /// </summary>
    public static readonly Permission EventsRead = new("events.read", "Read the change feed and the webhook delivery log.", EmployeesView);

    /// <summary>Register, change and remove webhook endpoints; whoever directs events to a URL reads them, so it turns <see cref="EventsRead"/> on.</summary>
    public static readonly Permission WebhooksManage = new("webhooks.manage", "Register, change and remove webhook endpoints; redeliver events.", EventsRead);

    private Permission(string key, string description, Permission? implies = null)
    {
        Key = key;
        Description = description;
        Implies = implies;
    }

    /// <summary>Every permission, in the order the console lists them.</summary>
    public static IReadOnlyList<Permission> All { get; } =
        [EmployeesView, EmployeesEdit, ScimManage, SecurityLoginManage, RolesManage, AuditView, AccessKeysManage, EventsRead, WebhooksManage];

    public string Key { get; }

    public string Description { get; }

    /// <summary>The permission granted along with this one, if any.</summary>
    public Permission? Implies { get; }

    /// <summary>The permission with this key (exact, lower case), or null.</summary>
    public static Permission? Find(string key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));

    public override string ToString() => Key;
}

namespace Roster.Directory.Credentials;

/// <summary>The scopes Roster's OAuth server knows, and the client property that names a client's tenant.</summary>
public static class OAuthScopes
{
    /// <summary>Use of the SCIM API; the only scope an access token needs for provisioning.</summary>
    public const string Scim = "scim";

    public const string OpenId = "openid";

    public const string OfflineAccess = "offline_access";

    /// <summary>Reading the directory through the admin API (employees, groups): the permission <c>employees.view</c>.</summary>
    public const string DirectoryRead = "directory.read";

    /// <summary>Reading the change feed and the delivery log: the permission <c>events.read</c>.</summary>
    public const string EventsRead = "events.read";

    /// <summary>Managing webhook endpoints: the permission <c>webhooks.manage</c>.</summary>
    public const string WebhooksManage = "webhooks.manage";

    /// <summary>The OpenIddict application property holding the client's org ID.</summary>
    public const string TenantProperty = "roster_tenant";

    public static IReadOnlyList<string> All { get; } = [OpenId, OfflineAccess, Scim, DirectoryRead, EventsRead, WebhooksManage];

    /// <summary>The scopes of the admin API, for machines reading the directory, the feed and webhooks.</summary>
    public static IReadOnlyList<string> Admin { get; } = [DirectoryRead, EventsRead, WebhooksManage];

    /// <summary>The permission an admin scope stands for; null for any other scope.</summary>
    public static Roles.Permission? PermissionOf(string scope) => scope switch
    {
        DirectoryRead => Roles.Permission.EmployeesView,
        EventsRead => Roles.Permission.EventsRead,
        WebhooksManage => Roles.Permission.WebhooksManage,
        _ => null,
    };

    /// <summary>
    /// The most a token with <paramref name="scopes"/> may do on the admin API: the permissions its
    /// admin scopes stand for (with those they imply). Its power is this within what its owner holds.
    /// </summary>
    public static Roles.PermissionSet AdminPermissions(IEnumerable<string> scopes) =>
        Roles.PermissionSet.Of(scopes.Select(PermissionOf).OfType<Roles.Permission>().Select(p => p.Key));
}

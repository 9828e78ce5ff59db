namespace Roster.Server.Tests.Isolation;

/// <summary>
/// One id of each kind of thing a tenant holds (and one email, searched like an id). A request
/// built with another tenant's ids must be answered exactly as the same request built with
/// <see cref="Random"/> ids: that is what "existence is not revealed" means.
/// </summary>
public sealed record ResourceIds(
    Guid User,
    Guid Group,
    Guid Employee,
    Guid Role,
    Guid AccessKey,
    Guid ScimToken,
    Guid App,
    Guid Domain,
    Guid RefusedRequest,
    Guid Webhook,
    string Email,
    string ClientId,
    Guid RoleRule,
    Guid SsoConnection,
    Guid SchemaExtension)
{
    public static ResourceIds Random() => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
        $"nobody.{Guid.NewGuid():N}@example.com",
        "client-" + Guid.NewGuid().ToString("N"),
        Guid.NewGuid(),
        Guid.NewGuid(),
        Guid.NewGuid());

    /// <summary>Every value, as it appears in a URL or a body.</summary>
    public IEnumerable<string> Values() =>
        [User.ToString(), Group.ToString(), Employee.ToString(), Role.ToString(), AccessKey.ToString(), ScimToken.ToString(), App.ToString(), Domain.ToString(), RefusedRequest.ToString(), Webhook.ToString(), Email, ClientId, RoleRule.ToString(), SsoConnection.ToString(), SchemaExtension.ToString()];
}

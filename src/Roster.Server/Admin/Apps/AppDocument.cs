using Roster.Directory.Apps;

namespace Roster.Server.Admin.Apps;

/// <summary>An app registration as the admin API shows it (never the client secret).</summary>
public sealed record AppDocument(
    Guid Id,
    string ClientId,
    string Name,
    string? Description,
    IReadOnlyList<string> TechnicalContacts,
    Guid OrgId,
    string ClientType,
    IReadOnlyList<string> RedirectUris,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Created,
    Guid? OwnerId,
    string? Registrant,
    string? BusinessUnit)
{
    public static AppDocument From(AppRegistration app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new(app.Id, app.ClientId, app.Name, app.Description, app.Contacts, app.TenantId, AppClientTypes.ToText(app.ClientType),
            app.RedirectUris, app.TokenEndpointAuthMethod, app.Scopes, app.Created, app.OwnerId, app.Registrant, app.BusinessUnit);
    }
}

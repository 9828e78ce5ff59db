namespace Roster.Directory.Apps;

/// <summary>
/// A row of <c>app_registrations</c> (seed 002, "Developer > App registrations"). The client
/// secret is not here: OpenIddict keeps its hash with the OAuth client of the same client_id.
/// Lists are JSON arrays of text.
/// </summary>
public sealed class AppRegistrationRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string ClientId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public required string Contacts { get; set; }

    public required string ClientType { get; set; }

    public required string RedirectUris { get; set; }

    public required string Scopes { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>The profile a back-end app's tokens act for; null for user apps and the operator's back-end apps.</summary>
    public Guid? OwnerId { get; set; }

    /// <summary>Who registers the app, as the form says (the signed-in person unless changed); free text.</summary>
    public string? Registrant { get; set; }

    /// <summary>The business unit the app is registered for; free text, optional.</summary>
    public string? BusinessUnit { get; set; }

    /// <summary>What the app's registrant held when registering it (<see cref="Roles.PermissionSet.ToText"/>); a back-end app's power never exceeds it. Null: no ceiling.</summary>
    public string? PermissionCeiling { get; set; }
}

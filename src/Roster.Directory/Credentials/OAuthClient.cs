using Roster.Directory.Apps;

namespace Roster.Directory.Credentials;

/// <summary>An OAuth client found by its client_id, with what the token and authorize endpoints need to decide.</summary>
/// <param name="TenantId">The client's tenant.</param>
/// <param name="Kind">An access key or an app registration.</param>
/// <param name="CredentialId">The access key's or the app registration's id, credited in the audit log.</param>
/// <param name="OwnerId">The access key's owner; null for apps, which act for whoever signs in.</param>
/// <param name="Active">False for a deactivated access key.</param>
/// <param name="AppType">The app's client type; null for access keys.</param>
/// <param name="Name">What the consent page calls the client.</param>
public sealed record OAuthClient(Guid TenantId, OAuthClientKind Kind, Guid CredentialId, Guid? OwnerId, bool Active, AppClientType? AppType, string Name);

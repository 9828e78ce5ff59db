namespace Roster.Server.Console.Activity;

/// <summary>A credential as the console names it: a SCIM token by its name, an access key by its key ID, and the person who owns it.</summary>
/// <param name="IsScimToken">True for a SCIM token, false for an access key.</param>
/// <param name="Name">The token's name or the key's ID, never the credential's internal id.</param>
/// <param name="Owner">The owner's userName; null for an operator's token, which has no owner.</param>
/// <param name="OwnerId">The owner's profile, to link to.</param>
public sealed record CredentialName(bool IsScimToken, string Name, string? Owner, Guid? OwnerId);

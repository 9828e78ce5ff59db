namespace Roster.Server.Console.Guides;

/// <summary>
/// What one identity provider calls the places where Roster's values go: the data of its setup
/// guide. The sentences around these words are the console's (translated); the words themselves
/// are the provider's, as its English admin console shows them, so they are never translated.
/// Where a provider's exact label is not certain, the words describe the place instead.
/// </summary>
/// <param name="Key">The guide's route value (<c>/console/security/login/guides/{key}</c>).</param>
/// <param name="Name">The provider's product name.</param>
/// <param name="CreateApp">The menu path that creates a custom SAML app.</param>
/// <param name="AcsField">The field that takes Roster's ACS URL.</param>
/// <param name="EntityIdField">The field that takes Roster's SP entity ID.</param>
/// <param name="NameId">The Name ID setting that sends the person's email.</param>
/// <param name="Attributes">Where attributes are added (for firstName and lastName).</param>
/// <param name="Metadata">Where the provider's SAML metadata is found.</param>
/// <param name="MetadataIsFile">The provider offers its metadata as a file to download, not a URL.</param>
/// <param name="Assign">Where people are given the app.</param>
/// <param name="AsksForRosterValuesFirst">The provider asks for Roster's values before it shows its metadata.</param>
/// <param name="Scim">Where the SCIM values go, or null when the provider cannot provision a custom app.</param>
public sealed record IdpGuide(
    string Key,
    string Name,
    string CreateApp,
    string AcsField,
    string EntityIdField,
    string NameId,
    string Attributes,
    string Metadata,
    bool MetadataIsFile,
    string Assign,
    bool AsksForRosterValuesFirst,
    IdpScimSetup? Scim);

namespace Roster.Server.Console.Guides;

/// <summary>
/// Where an identity provider takes Roster's SCIM values, in its own menu words.
/// </summary>
/// <param name="Enable">Where provisioning is turned on for the app.</param>
/// <param name="BaseUrlField">The field that takes the base connector URL.</param>
/// <param name="Authentication">How the token is sent (the choice to make), e.g. Okta's "HTTP Header".</param>
/// <param name="TokenField">The field that takes the SCIM access token.</param>
/// <param name="UniqueIdField">The field that names the unique identifier (userName), or null when the provider has none.</param>
/// <param name="Test">The button that tests the connection.</param>
/// <param name="Actions">What to turn on so that users are created, updated and deactivated.</param>
public sealed record IdpScimSetup(
    string Enable, string BaseUrlField, string Authentication, string TokenField, string? UniqueIdField, string Test, string Actions);

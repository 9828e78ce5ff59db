namespace Roster.Directory.Apps;

/// <summary>A new app registration and its client secret (null for a public app): the only time the secret is shown.</summary>
public sealed record RegisteredApp(AppRegistration App, string? ClientSecret);

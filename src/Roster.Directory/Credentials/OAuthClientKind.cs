namespace Roster.Directory.Credentials;

/// <summary>What an OAuth client of Roster is.</summary>
public enum OAuthClientKind
{
    /// <summary>An employee's access key, used as client_id and client_secret.</summary>
    AccessKey,

    /// <summary>An app registration (seed 002).</summary>
    App,
}

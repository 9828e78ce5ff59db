namespace Roster.Directory.Sso;

/// <summary>Why an identity provider's word did not sign a person in; each has a page that says so (<see cref="SsoSignInResult.Detail"/>).</summary>
public enum SsoRefusal
{
    /// <summary>The connection does not exist in the organization, or is disabled.</summary>
    ConnectionUnavailable,

    /// <summary>The IdP's email is not an email address Roster accepts.</summary>
    NotAnEmail,

    /// <summary>No profile has the email, and none may be made now.</summary>
    NoProfile,

    /// <summary>The profile is deactivated.</summary>
    Deactivated,

    /// <summary>The profile is locked after failed sign-ins.</summary>
    Locked,

    /// <summary>The profile's login authenticator is another connection.</summary>
    OtherConnection,

    /// <summary>The person holds permissions beyond the connection's ceiling.</summary>
    BeyondCeiling,

    /// <summary>A profile could not be made just in time (the tenant's default role is beyond the connection's ceiling, say).</summary>
    NotCreated,
}

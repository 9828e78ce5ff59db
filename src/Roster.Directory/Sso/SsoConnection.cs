using Roster.Directory.Roles;

namespace Roster.Directory.Sso;

/// <summary>
/// A tenant's connection to one of its identity providers, through which its people sign in to
/// the console. Exactly one of <see cref="Oidc"/> and <see cref="Saml"/> is set, by <see cref="Protocol"/>.
/// </summary>
/// <param name="Id">The connection's id; it is part of every URL the IdP is given.</param>
/// <param name="Name">Unique in the tenant, shown on the sign-in page ("Continue with ...").</param>
/// <param name="Protocol">OpenID Connect or SAML 2.0.</param>
/// <param name="Enabled">A disabled connection signs nobody in and is not offered.</param>
/// <param name="JustInTime">While SCIM provisioning is off, a person without a profile gets one at first sign-in, with the tenant's default role.</param>
/// <param name="Oidc">The OpenID Connect settings.</param>
/// <param name="Saml">The SAML settings.</param>
/// <param name="Ceiling">
/// What whoever last set the connection's trust held: nobody whose permissions go beyond it signs
/// in through the connection, and profiles made just in time get no role beyond it. Unbounded
/// when the operator set it.
/// </param>
/// <param name="Version">Counts changes, so that a node's cached IdP options follow every change.</param>
/// <param name="Created">When the connection was made.</param>
/// <param name="LastModified">When it last changed.</param>
public sealed record SsoConnection(
    Guid Id,
    string Name,
    SsoProtocol Protocol,
    bool Enabled,
    bool JustInTime,
    OidcSettings? Oidc,
    SamlSettings? Saml,
    PermissionSet Ceiling,
    long Version,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    /// <summary>The value of a profile's login authenticator that names this connection.</summary>
    public string Authenticator => LoginAuthenticators.For(Id);
}

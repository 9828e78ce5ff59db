namespace Roster.Directory.Sso;

/// <summary>
/// An OpenID Connect connection's settings. The client secret is never part of this record: it
/// is stored encrypted (<see cref="SsoSecrets"/>) and only <see cref="HasClientSecret"/> says
/// whether there is one.
/// </summary>
/// <param name="Issuer">The IdP's issuer; its discovery document is at <c>{Issuer}/.well-known/openid-configuration</c>.</param>
/// <param name="ClientId">The client ID the IdP gave Roster's app.</param>
/// <param name="HasClientSecret">Whether a client secret is stored.</param>
/// <param name="Scopes">The scopes asked for besides <c>openid</c>.</param>
/// <param name="EmailClaim">The claim that holds the person's email (<c>email</c> by default).</param>
/// <param name="GivenNameClaim">The claim of the first name.</param>
/// <param name="FamilyNameClaim">The claim of the last name.</param>
public sealed record OidcSettings(
    string Issuer,
    string ClientId,
    bool HasClientSecret,
    IReadOnlyList<string> Scopes,
    string EmailClaim = OidcSettings.DefaultEmailClaim,
    string GivenNameClaim = "given_name",
    string FamilyNameClaim = "family_name")
{
    public const string DefaultEmailClaim = "email";

    /// <summary>The scopes asked for when none are given.</summary>
    public static IReadOnlyList<string> DefaultScopes { get; } = ["email", "profile"];

    /// <summary>Where the issuer publishes its configuration (OpenID Connect Discovery 1.0, section 4).</summary>
    public string DiscoveryUrl => Issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    public bool Equals(OidcSettings? other) =>
        other is not null && Issuer == other.Issuer && ClientId == other.ClientId && HasClientSecret == other.HasClientSecret
        && Scopes.SequenceEqual(other.Scopes, StringComparer.Ordinal) && EmailClaim == other.EmailClaim
        && GivenNameClaim == other.GivenNameClaim && FamilyNameClaim == other.FamilyNameClaim;

    public override int GetHashCode() => HashCode.Combine(Issuer, ClientId);
}

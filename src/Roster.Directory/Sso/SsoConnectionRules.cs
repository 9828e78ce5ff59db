using Roster.Directory.Administration;
using Roster.Directory.Roles;

namespace Roster.Directory.Sso;

/// <summary>The checks on what an administrator sets on a connection, and the connection they make.</summary>
internal static class SsoConnectionRules
{
    public const int MaxConnections = 20;
    public const int MaxValueLength = 1024;
    public const int MaxScopes = 20;

    /// <summary>
    /// The connection <paramref name="draft"/> makes of <paramref name="before"/> (null for a new
    /// one of <paramref name="protocol"/>), saved by someone holding <paramref name="saver"/>: the
    /// saver's permissions become its ceiling.
    /// </summary>
    public static AdminResult<SsoConnection> Apply(SsoConnection? before, SsoProtocol protocol, Guid id, SsoConnectionDraft draft, PermissionSet saver, SsoOptions options, DateTimeOffset now, string? spCertificate)
    {
        var name = Text(draft.Name ?? before?.Name, "name", SsoSchema.MaxNameLength, required: true);
        if (!name.IsSuccess)
        {
            return name.Error with { Field = "name" };
        }

        OidcSettings? oidc = null;
        SamlSettings? saml = null;
        if (protocol == SsoProtocol.OpenIdConnect)
        {
            var made = Oidc(before?.Oidc, draft, options);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            oidc = made.Value;
        }
        else
        {
            var made = Saml(before?.Saml, draft, options, spCertificate);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            saml = made.Value;
        }

        return new SsoConnection(
            id, name.Value, protocol, draft.Enabled ?? before?.Enabled ?? true, draft.JustInTime ?? before?.JustInTime ?? false, oidc, saml,
            saver, (before?.Version ?? 0) + 1, before?.Created ?? now, now);
    }

    private static AdminResult<OidcSettings> Oidc(OidcSettings? before, SsoConnectionDraft draft, SsoOptions options)
    {
        var issuer = (draft.Issuer ?? before?.Issuer)?.Trim();
        if (options.Problem(issuer, "issuer") is { } badIssuer)
        {
            return AdminError.Validation(badIssuer) with { Field = "issuer" };
        }

        var clientId = Text(draft.ClientId ?? before?.ClientId, "client ID", MaxValueLength, required: true);
        var email = Text(draft.EmailClaim ?? before?.EmailClaim ?? OidcSettings.DefaultEmailClaim, "email claim", MaxValueLength, required: true);
        var given = Text(draft.GivenNameClaim ?? before?.GivenNameClaim ?? "given_name", "first name claim", MaxValueLength, required: true);
        var family = Text(draft.FamilyNameClaim ?? before?.FamilyNameClaim ?? "family_name", "last name claim", MaxValueLength, required: true);
        if (!clientId.IsSuccess)
        {
            return clientId.Error;
        }

        if (!email.IsSuccess)
        {
            return email.Error;
        }

        if (!given.IsSuccess)
        {
            return given.Error;
        }

        if (!family.IsSuccess)
        {
            return family.Error;
        }

        var scopes = (draft.Scopes ?? before?.Scopes ?? OidcSettings.DefaultScopes)
            .SelectMany(s => (s ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s != "openid").Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count > MaxScopes || scopes.Any(s => s.Length > 100 || s.Any(c => c < 0x21 || c > 0x7E || c == '"' || c == '\\')))
        {
            return AdminError.Validation($"Scopes are at most {MaxScopes} words of printable ASCII without quotes or backslashes, e.g. 'email profile'.");
        }

        var hasSecret = draft.ClientSecret is null ? before?.HasClientSecret ?? false : draft.ClientSecret.Length > 0;
        if (draft.ClientSecret is { Length: > 4096 })
        {
            return AdminError.Validation("A client secret has at most 4,096 characters.");
        }

        return new OidcSettings(issuer!.TrimEnd('/'), clientId.Value, hasSecret, scopes, email.Value, given.Value, family.Value);
    }

    private static AdminResult<SamlSettings> Saml(SamlSettings? before, SsoConnectionDraft draft, SsoOptions options, string? spCertificate)
    {
        var entityId = Text(draft.IdpEntityId ?? before?.IdpEntityId, "identity provider's entity ID", MaxValueLength, required: true);
        if (!entityId.IsSuccess)
        {
            return entityId.Error with { Field = "idpEntityId" };
        }

        var ssoUrl = (draft.IdpSsoUrl ?? before?.IdpSsoUrl)?.Trim();
        if (options.Problem(ssoUrl, "identity provider's single sign-on URL") is { } badUrl)
        {
            return AdminError.Validation(badUrl) with { Field = "idpSsoUrl" };
        }

        var metadataUrl = draft.IdpMetadataUrl is null ? before?.IdpMetadataUrl : draft.IdpMetadataUrl.Trim() is { Length: > 0 } typed ? typed : null;
        if (metadataUrl is not null && options.MetadataUrlProblem(metadataUrl) is { } badMetadata)
        {
            return AdminError.Validation(badMetadata) with { Field = "idpMetadataUrl" };
        }

        List<string> certificates;
        if (draft.IdpCertificates is { } pasted)
        {
            certificates = [];
            foreach (var text in pasted.Where(t => !string.IsNullOrWhiteSpace(t)))
            {
                if (SsoCertificates.Normalize(text) is not { } certificate)
                {
                    return AdminError.Validation("An identity provider's signing certificate must be an X.509 certificate with an RSA or ECDSA key, in PEM or base64; one of those given is not.") with { Field = "idpCertificates" };
                }

                if (!certificates.Contains(certificate, StringComparer.Ordinal))
                {
                    certificates.Add(certificate);
                }
            }
        }
        else
        {
            certificates = [.. before?.IdpCertificates ?? []];
        }

        if (certificates.Count == 0)
        {
            return AdminError.Validation("A SAML connection needs the identity provider's signing certificate: responses are accepted only when signed with it. Import the IdP's metadata or paste the certificate.") with { Field = "idpCertificates" };
        }

        if (certificates.Count > SamlSettings.MaxCertificates)
        {
            return AdminError.Validation($"A SAML connection trusts at most {SamlSettings.MaxCertificates} signing certificates (two during a key rollover).") with { Field = "idpCertificates" };
        }

        var skew = draft.ClockSkewSeconds ?? before?.ClockSkewSeconds ?? SamlSettings.DefaultClockSkewSeconds;
        if (skew is < 0 or > SamlSettings.MaxClockSkewSeconds)
        {
            return AdminError.Validation($"The clock skew allowed is between 0 and {SamlSettings.MaxClockSkewSeconds} seconds.");
        }

        var email = Optional(draft.EmailAttribute, before?.EmailAttribute, "email attribute");
        var given = Optional(draft.GivenNameAttribute, before?.GivenNameAttribute, "first name attribute");
        var family = Optional(draft.FamilyNameAttribute, before?.FamilyNameAttribute, "last name attribute");
        var invalid = email.Error ?? given.Error ?? family.Error;
        if (invalid is not null)
        {
            return invalid;
        }

        return new SamlSettings(
            entityId.Value, ssoUrl!, certificates, metadataUrl, draft.AllowIdpInitiated ?? before?.AllowIdpInitiated ?? false,
            draft.SignRequests ?? before?.SignRequests ?? false, spCertificate ?? before?.SpCertificate ?? "",
            email.Value, given.Value, family.Value, skew);
    }

    private static AdminResult<string> Text(string? text, string what, int max, bool required)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0 && required)
        {
            return AdminError.Validation($"An SSO connection needs a {what}.");
        }

        if (trimmed.Length > max)
        {
            return AdminError.Validation($"The {what} has at most {max:N0} characters.");
        }

        return trimmed.Any(char.IsControl) ? AdminError.Validation($"The {what} must not hold control characters.") : trimmed;
    }

    // "" clears the value (back to the default); null keeps it.
    private static AdminResult<string?> Optional(string? given, string? before, string what)
    {
        if (given is null)
        {
            return before;
        }

        if (given.Trim().Length == 0)
        {
            return AdminResult<string?>.Success(null);
        }

        var text = Text(given, what, MaxValueLength, required: false);
        return text.IsSuccess ? text.Value : text.Error;
    }
}

using Roster.Directory.Administration;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Completes a SAML connection's draft from the IdP's metadata: pasted XML, else its metadata URL
/// (read again each time one is given, which is how a certificate rollover is picked up). The
/// metadata gives the entity ID, SSO URL and signing certificates the draft does not set itself.
/// </summary>
public sealed class SamlMetadataImport(SamlMetadataFetcher fetcher)
{
    public async Task<AdminResult<SsoConnectionDraft>> CompleteAsync(SsoConnectionDraft draft, string? metadataXml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        AdminResult<SamlIdpMetadata> metadata;
        if (!string.IsNullOrWhiteSpace(metadataXml))
        {
            metadata = SamlIdpMetadata.Read(metadataXml, "idpMetadataXml");
        }
        else if (!string.IsNullOrWhiteSpace(draft.IdpMetadataUrl))
        {
            metadata = await fetcher.FetchAsync(draft.IdpMetadataUrl, cancellationToken);
        }
        else
        {
            return draft;
        }

        if (!metadata.IsSuccess)
        {
            return metadata.Error;
        }

        return draft with
        {
            IdpEntityId = draft.IdpEntityId ?? metadata.Value.EntityId,
            IdpSsoUrl = draft.IdpSsoUrl ?? metadata.Value.SsoUrl,
            IdpCertificates = draft.IdpCertificates ?? metadata.Value.Certificates,
        };
    }
}

using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Console.Guides;
using Roster.Server.Console.Sso;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Security.Login;

/// <summary>
/// An identity provider's setup guide (<c>/console/security/login/guides/{idp}</c>): step by step,
/// in the provider's own menu words, which of this organization's values to paste where, for
/// single sign-on and for SCIM provisioning. Whoever may open Login: Single sign-on (SSO) or
/// Login: SCIM provisioning may read it; it shows nothing those pages do not (no token: the step
/// that needs one links to the page that makes it). Roster's SAML values belong to a connection:
/// the one named by <c>?connection=</c>, else the organization's first SAML connection.
/// </summary>
public sealed class GuideModel(ListSsoConnections list, DeploymentUrls urls) : ConsolePageModel
{
    public const string PathPrefix = "/console/security/login/guides/";

    public IdpGuide Guide { get; private set; } = null!;

    public GuideValues Values { get; private set; } = null!;

    public IReadOnlyList<GuideStep> SingleSignOnSteps { get; private set; } = [];

    public IReadOnlyList<GuideStep> ProvisioningSteps { get; private set; } = [];

    /// <summary>The organization's SAML connections, to switch the guide to another one's values.</summary>
    public IReadOnlyList<SsoConnection> SamlConnections { get; private set; } = [];

    public Guid? ShownConnection { get; private set; }

    public async Task<IActionResult> OnGetAsync(string idp, Guid? connection, CancellationToken cancellationToken)
    {
        if (!Can(Permission.SecurityLoginManage) && !Can(Permission.ScimManage))
        {
            return Refuse(Permission.SecurityLoginManage);
        }

        if (IdpGuides.Find(idp) is not { } guide)
        {
            return Missing(T["There is no setup guide for '{0}'.", idp]);
        }

        var connections = await list.ExecuteAsync(OrgId, cancellationToken);
        SamlConnections = [.. connections.Where(c => c.Protocol == SsoProtocol.Saml)];
        SsoConnection? saml;
        if (connection is { } id)
        {
            saml = SamlConnections.FirstOrDefault(c => c.Id == id);
            if (saml is null)
            {
                return Missing(T["This organization has no SAML connection with that ID."]);
            }
        }
        else
        {
            saml = SamlConnections.Count > 0 ? SamlConnections[0] : null;
        }

        var oidc = connections.FirstOrDefault(c => c.Protocol == SsoProtocol.OpenIdConnect);
        var root = urls.PublicBaseUrl(Request);
        Guide = guide;
        ShownConnection = saml?.Id;
        Values = new GuideValues(
            SamlConnection: saml?.Name,
            SpEntityId: saml is null ? null : root + SsoPaths.SamlMetadata(OrgId, saml.Id),
            AcsUrl: saml is null ? null : root + SsoPaths.SamlAcs(OrgId, saml.Id),
            SpMetadataUrl: saml is null ? null : root + SsoPaths.SamlMetadata(OrgId, saml.Id),
            RedirectUri: oidc is null ? null : root + SsoPaths.Callback(OrgId, oidc.Id),
            ConnectorUrl: urls.ConnectorUrl(Request, OrgId),
            AuthorizeUrl: urls.AuthorizeEndpoint(Request),
            TokenUrl: urls.TokenEndpoint(Request));
        var text = new GuideText(T);
        SingleSignOnSteps = text.SingleSignOn(guide, Values);
        ProvisioningSteps = text.Provisioning(guide, Values);
        return Page();
    }
}

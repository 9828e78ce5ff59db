using static Roster.Server.Tests.Isolation.Requests;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// The endpoints anyone may call. None takes an org ID in its URL; the ones that take another
/// tenant's identifiers (a client_id, an email) must answer as they do for made-up ones.
/// </summary>
public static class PublicCases
{
    public static IEnumerable<EndpointCase> All()
    {
        static EndpointCase Case(string endpoint, Func<CaseTarget, HttpRequestMessage> build, bool usesIds) => new(endpoint, Surface.Public, build, usesIds, NeedsPermission: false);

        yield return Case("GET /health", _ => Send("GET", "health"), false);
        yield return Case("GET /health/live", _ => Send("GET", "health/live"), false);
        yield return Case("GET /health/ready", _ => Send("GET", "health/ready"), false);
        yield return Case("GET /openapi/{documentName}.json", _ => Send("GET", "openapi/v1.json"), false);
        yield return Case("POST /api/v1/activation", _ => Json("POST", "api/v1/activation", """{"token":"not-an-invitation","password":"correct horse battery staple"}"""), false);
        yield return Case("POST /auth/token", t => Form("auth/token", null, ("grant_type", "client_credentials"), ("client_id", t.Foreign.ClientId), ("client_secret", "roster_sk_" + new string('a', 46))), true);
        yield return Case("* /scim/{**rest}", t => Send("GET", $"scim/v3/{t.OrgId}/Users/{t.Foreign.User}"), false);
        yield return Case("* /oauth/scim/{**rest}", t => Send("GET", $"oauth/scim/v3/{t.OrgId}/Users/{t.Foreign.User}"), false);
        yield return Case("* /v1/scim/{**rest}", t => Send("GET", $"v1/scim/Users/{t.Foreign.User}"), false);
        yield return Case("PAGE /SignIn Get", t => Send("GET", $"console/sign-in?org={t.OrgId}"), false);
        yield return Case("PAGE /SignIn Post", t => Form("console/sign-in", t.FormToken, ("Email", t.Foreign.Email), ("Password", "not the password")), true);
        // Home-realm discovery answers by the email's domain alone (a verified domain of an organization with SSO), never by profile.
        yield return Case("PAGE /SignIn PostSso", t => Form("console/sign-in?handler=Sso", t.FormToken, ("Email", t.Foreign.Email)), true);
        // The second step after the password reads only its own short-lived cookie: without one, nothing is named or checked.
        yield return Case("PAGE /SecondFactor Get", _ => Send("GET", "console/sign-in/code"), false);
        yield return Case("PAGE /SecondFactor Post", t => Form("console/sign-in/code", t.FormToken, ("Code", "123456")), false);
        yield return Case("PAGE /SecondFactorEnrolment Get", _ => Send("GET", "console/sign-in/enrol"), false);
        yield return Case("PAGE /SecondFactorEnrolment PostStart", t => Form("console/sign-in/enrol?handler=start", t.FormToken), false);
        yield return Case("PAGE /SecondFactorEnrolment PostConfirm", t => Form("console/sign-in/enrol?handler=confirm", t.FormToken, ("Code", "123456")), false);
        // An SSO connection's sign-in link is handed to everyone who signs in through it, as a client_id is:
        // that it exists is no secret (start sends the browser to the IdP). Under another organization, it is not found (OidcSignInTests).
        yield return Case("GET /console/sso/{orgId:guid}/{connectionId:guid}/start", t => Send("GET", $"console/sso/{t.OrgId}/{t.Foreign.SsoConnection}/start"), false);
        yield return Case("GET /console/sso/{orgId:guid}/{connectionId:guid}/saml/metadata", t => Send("GET", $"console/sso/{t.OrgId}/{t.Foreign.SsoConnection}/saml/metadata"), true);
        yield return Case("POST /console/sso/{orgId:guid}/{connectionId:guid}/saml/acs", t => Form($"console/sso/{t.OrgId}/{t.Foreign.SsoConnection}/saml/acs", null, ("SAMLResponse", "PHg+"), ("RelayState", "_r")), true);
        yield return Case("GET /console/sso/{orgId:guid}/{connectionId:guid}/callback", t => Send("GET", $"console/sso/{t.OrgId}/{t.Foreign.SsoConnection}/callback?code=c&state=s"), false);
        yield return Case("PAGE /Activate Get", _ => Send("GET", "activate?token=not-an-invitation"), false);
        yield return Case("PAGE /Activate Post", t => Form("activate", t.FormToken, ("Token", "not-an-invitation"), ("Password", "correct horse battery staple"), ("Confirmation", "correct horse battery staple")), false);
        yield return Case("GET /", _ => Send("GET", ""), false);
        yield return Case("PAGE /Setup Get", t => Send("GET", $"setup?token={t.OrgId:N}.{Guid.NewGuid():N}.{new string('a', 43)}"), false);
        yield return Case("PAGE /Setup Post", t => Form("setup", t.FormToken, ("Token", $"{t.OrgId:N}.{Guid.NewGuid():N}.{new string('a', 43)}"), ("Email", t.Foreign.Email), ("FirstName", "Eve"), ("LastName", "Intruder"), ("Password", "correct horse battery staple"), ("Confirmation", "correct horse battery staple")), true);
        yield return Case("PAGE /UnlockRequest Get", _ => Send("GET", "console/unlock"), false);
        yield return Case("PAGE /UnlockRequest Post", t => Form("console/unlock", t.FormToken, ("Email", t.Foreign.Email)), true);
        yield return Case("PAGE /Unlock Get", _ => Send("GET", "unlock"), false);
        yield return Case("PAGE /Unlock Post", t => Form("unlock", t.FormToken, ("Token", $"{t.OrgId:N}.not-an-unlock-token")), false);
        yield return Case("PAGE /OAuth/Authorize Get", t => Send("GET", $"auth/authorize?client_id={Uri.EscapeDataString(t.Foreign.ClientId)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(TenantWorld.CallbackUrl)}&state=s"), false);
        yield return Case("PAGE /OAuth/Authorize Post", t => Form($"auth/authorize?client_id={Uri.EscapeDataString(t.Foreign.ClientId)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(TenantWorld.CallbackUrl)}&state=s", t.FormToken, ("roster_decision", "allow")), false);
    }
}

using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Roster.Directory.Apps;
using Roster.Directory.Credentials;
using Roster.Server.Console.Authentication;
using Roster.Server.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Server.Console.Pages.OAuth;

/// <summary>
/// <c>/auth/authorize</c>, Okta's "Authenticate with ..." button (seed 001) and any app
/// registration (seed 002): OpenIddict has validated the request; a person who is not signed in
/// goes to the console's sign-in page and comes back; then the client must belong to their
/// organization, be a user app or an access key, and the person's role must allow SCIM. A
/// consent given before is reused; otherwise the person approves on this page, and the consent
/// is stored so that revoking it revokes the app's tokens.
/// </summary>
public sealed class AuthorizeModel(
    OAuthCredentials credentials,
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations) : PageModel
{
    /// <summary>The form field the consent buttons set.</summary>
    public const string DecisionField = "roster_decision";

    public string ClientName { get; private set; } = "";

    public string OrgName { get; private set; } = "";

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    /// <summary>The request's parameters, posted back by the consent form.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => AuthorizeAsync(decision: null, cancellationToken);

    /// <summary>The consent form (Razor Pages check its anti-forgery token), which also carries the request's parameters.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        AuthorizeAsync(Request.Form[DecisionField].ToString(), cancellationToken);

    private async Task<IActionResult> AuthorizeAsync(string? decision, CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var session = await HttpContext.AuthenticateAsync(ConsoleAuthentication.Scheme);
        if (session.Principal?.EmployeeId() is not { } personId || session.Principal.TenantId() is not { } tenantId || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "Sign in to Roster first.");
            }

            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(WithoutPrompt(request)) }, ConsoleAuthentication.Scheme);
        }

        var client = await credentials.FindClientAsync(request.ClientId!, cancellationToken);
        if (client is null)
        {
            return Refuse(Errors.InvalidClient, "This client is not registered with Roster.");
        }

        if (client.AppType == AppClientType.BackEnd)
        {
            return Refuse(
                Errors.UnauthorizedClient,
                $"'{client.Name}' is registered as a back-end app, which acts for no person and cannot use this sign-in flow. " +
                "Register the app with a user type (user-confidential or user-public) instead.");
        }

        if (client.TenantId != tenantId)
        {
            return Refuse(Errors.AccessDenied, "You are signed in to a different organization from the one this client belongs to; sign in with an account of that organization.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict validated a client it cannot find.");
        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        var scopes = await GrantedScopesAsync(request, application, cancellationToken);
        if (scopes.Contains(OAuthScopes.Scim) && await credentials.CheckScimPersonAsync(tenantId, personId, cancellationToken) is { } reason)
        {
            return Refuse(Errors.AccessDenied, reason);
        }

        if (decision == "deny")
        {
            return Refuse(Errors.AccessDenied, "The request was declined.");
        }

        var subject = personId.ToString();
        object? authorization = null;
        await foreach (var existing in authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken))
        {
            authorization = existing;
            break;
        }

        if (authorization is null && decision != "allow")
        {
            ClientName = client.Name;
            OrgName = session.Principal.OrgName();
            Scopes = scopes;
            RequestParameters = [.. request.GetParameters().Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString() ?? ""))];
            return Page();
        }

        var principal = OAuthPrincipals.Create(tenantId, client, personId, scopes, delegated: true);
        authorization ??= await authorizations.CreateAsync(principal, subject, applicationId!, AuthorizationTypes.Permanent, scopes, cancellationToken);
        principal.SetAuthorizationId(await authorizations.GetIdAsync(authorization, cancellationToken));
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// What was asked for, plus <c>scim</c> and <c>offline_access</c> when the client may have
    /// them: Okta's "Authenticate with ..." asks only <c>scope=openid</c> (the URL the guides give)
    /// yet provisions with the token and refreshes it by itself. The consent page shows them all,
    /// and the token response's <c>scope</c> says what was granted (RFC 6749 §5.1).
    /// </summary>
    private async Task<System.Collections.Immutable.ImmutableArray<string>> GrantedScopesAsync(OpenIddictRequest request, object application, CancellationToken cancellationToken)
    {
        var scopes = request.GetScopes().ToList();
        if (!scopes.Contains(OAuthScopes.Scim) && await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + OAuthScopes.Scim, cancellationToken))
        {
            scopes.Add(OAuthScopes.Scim);
        }

        if (!scopes.Contains(OAuthScopes.OfflineAccess) && await applications.HasPermissionAsync(application, Permissions.GrantTypes.RefreshToken, cancellationToken))
        {
            scopes.Add(OAuthScopes.OfflineAccess);
        }

        return [.. scopes];
    }

    private static Dictionary<string, StringValues> WithoutPrompt(OpenIddictRequest request) =>
        request.GetParameters()
            .Where(p => p.Key != Parameters.Prompt)
            .ToDictionary(p => p.Key, p => new StringValues(p.Value.ToString()));

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}

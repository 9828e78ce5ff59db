using System.Net;
using System.Text;
using Roster.Directory.Apps;
using Roster.Directory.Mail;
using Roster.Directory.Tenants;
using Roster.Server.Deployment;

namespace Roster.Server.Admin.Apps;

/// <summary>
/// Emails an app registration to its technical contacts, as CXone sends its registration: when
/// the app is registered, and to the contacts an edit adds. One email per contact (at most
/// <see cref="AppRules.MaxContacts"/>, the cap every save checks), with what the contacts need to
/// set the app up: name, client ID, client type, redirect URLs, registrant, business unit, the
/// organization, its SCIM base URL and token endpoint, and who registered or changed it. Never
/// the client secret: an email is stored and forwarded in places Roster does not control, and
/// the secret is shown once, to whoever registered the app. The registration is committed before
/// this runs, so a mail server that fails loses nothing: the failure is logged and reported.
/// </summary>
public sealed partial class AppRegistrationMail(IMailSender mail, FindTenant tenants, DeploymentUrls urls, ILogger<AppRegistrationMail> logger)
{
    /// <summary>Sends <paramref name="app"/> to <paramref name="to"/>; <paramref name="registered"/> says whether it was just registered or its contacts changed.</summary>
    public async Task<AppMailOutcome> SendAsync(AppRegistration app, IReadOnlyList<string> to, string actedBy, bool registered, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(request);
        if (to.Count == 0)
        {
            return AppMailOutcome.None;
        }

        var organization = app.TenantId.ToString();
        try
        {
            if (await tenants.ExecuteAsync(app.TenantId, cancellationToken) is { } tenant)
            {
                organization = $"{tenant.Name} ({tenant.Id})";
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The organization's name is a courtesy: the ID alone still tells the contacts where the app is.
            LogMailFailed(logger, app.Id, e);
        }

        var message = Compose(app, organization, actedBy, registered, urls.ConnectorUrl(request, app.TenantId), urls.TokenEndpoint(request));
        var sent = new List<string>();
        var failed = new List<string>();
        foreach (var address in to.Take(AppRules.MaxContacts))
        {
            try
            {
                await mail.SendAsync(message with { To = address }, cancellationToken);
                sent.Add(address);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMailFailed(logger, app.Id, e);
                failed.Add(address);
            }
        }

        return new AppMailOutcome(sent, failed);
    }

    private static OutgoingMail Compose(AppRegistration app, string organization, string actedBy, bool registered, string scimBase, string tokenEndpoint)
    {
        var facts = new (string Label, string Value)[]
        {
            ("App name", app.Name),
            ("Client ID", app.ClientId),
            ("Client type", AppClientTypes.ToText(app.ClientType)),
            ("Redirect URLs", app.RedirectUris.Count == 0 ? "none" : string.Join(", ", app.RedirectUris)),
            ("Registrant", app.Registrant ?? "not given"),
            ("Business unit", app.BusinessUnit ?? "not given"),
            ("Organization", organization),
            ("SCIM base URL", scimBase),
            ("Token endpoint", tokenEndpoint),
            (registered ? "Registered by" : "Changed by", actedBy),
        };
        var opening = registered
            ? $"{actedBy} registered the app \"{app.Name}\" in Roster and named you one of its technical contacts."
            : $"{actedBy} named you a technical contact of the app \"{app.Name}\" in Roster.";
        var secretNote = "The client secret is not in this email: Roster showed it once, to whoever registered the app. Ask them for it, or register the app again if it was lost.";
        var text = new StringBuilder().Append(opening).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(WebUtility.HtmlEncode(opening)).Append("</p><table>");
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
            html.Append("<tr><th scope=\"row\" align=\"left\">").Append(WebUtility.HtmlEncode(label)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        text.Append('\n').Append(secretNote).Append('\n');
        html.Append("</table><p>").Append(WebUtility.HtmlEncode(secretNote)).Append("</p>");
        var subject = registered ? $"App \"{app.Name}\" registered in Roster" : $"You are a technical contact of the app \"{app.Name}\" in Roster";
        return new OutgoingMail("", subject, text.ToString(), html.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email about app registration {AppId} could not be sent to a technical contact.")]
    private static partial void LogMailFailed(ILogger logger, Guid appId, Exception exception);
}

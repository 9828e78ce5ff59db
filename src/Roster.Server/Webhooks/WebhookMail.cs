using System.Net;
using Microsoft.Extensions.Options;
using Roster.Directory.Mail;
using Roster.Directory.Webhooks;
using Roster.Server.Deployment;
using Roster.Server.Hosting;

namespace Roster.Server.Webhooks;

/// <summary>Tells a tenant's webhook administrators (active employees holding <c>webhooks.manage</c>) that Roster gave up on an endpoint.</summary>
public sealed partial class WebhookMail(IMailSender mail, IOptions<DeploymentOptions> deployment, IOptions<RosterServerOptions> server, ILogger<WebhookMail> logger)
{
    public async Task SendGivenUpAsync(GivenUpEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var baseUrl = (string.IsNullOrWhiteSpace(deployment.Value.PublicBaseUrl) ? server.Value.PublicBaseUrl : deployment.Value.PublicBaseUrl)?.TrimEnd('/') ?? "";
        var page = $"{baseUrl}/console/developer/webhooks/{endpoint.Id}";
        var text =
            $"Roster could not deliver events to the webhook endpoint {endpoint.Url} for a long time, so it stopped trying and disabled it.\n\n" +
            $"{endpoint.DeadLetters} events are waiting as dead letters. Once the endpoint answers again, open {page} and choose \"Redeliver all\": " +
            "the endpoint is enabled again and the events are sent in order.\n";
        var html =
            $"<p>Roster could not deliver events to the webhook endpoint <code>{WebUtility.HtmlEncode(endpoint.Url)}</code> for a long time, so it stopped trying and disabled it.</p>" +
            $"<p>{endpoint.DeadLetters} events are waiting as dead letters. Once the endpoint answers again, open <a href=\"{WebUtility.HtmlEncode(page)}\">the endpoint's page</a> " +
            "and choose <b>Redeliver all</b>: the endpoint is enabled again and the events are sent in order.</p>";
        foreach (var to in endpoint.AdministratorEmails)
        {
            try
            {
                await mail.SendAsync(new OutgoingMail(to, "Roster disabled a webhook endpoint that kept failing", text, html), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMailFailed(logger, endpoint.Id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email about disabled webhook endpoint {EndpointId} could not be sent.")]
    private static partial void LogMailFailed(ILogger logger, Guid endpointId, Exception exception);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Roles;
using Roster.Directory.Webhooks;
using Roster.Server.Console.Authentication;
using Roster.Server.Webhooks;

namespace Roster.Server.Console.Pages.Developer.Webhooks;

/// <summary>
/// One webhook endpoint: its state, the delivery log (request, answer's status and first bytes,
/// duration, attempt), the dead letters with "Redeliver" and "Redeliver all", "Send test event",
/// "Rotate secret" (the new secret shown once), enable or disable, delete.
/// </summary>
[Authorize(Policy = ConsolePolicies.EventsRead)]
public sealed class EndpointModel(ListWebhookEndpoints list, ListWebhookDeliveries deliveries, ChangeWebhookEndpoint change, WebhookTestEvent test) : ConsolePageModel
{
    private const int LogLines = 50;

    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public IReadOnlyList<WebhookAttempt> Attempts { get; private set; } = [];

    public IReadOnlyList<WebhookDelivery> DeadLetters { get; private set; } = [];

    /// <summary>The new secret after "Rotate secret", rendered once in this response.</summary>
    public string? RotatedSecret { get; private set; }

    /// <summary>What "Send test event" did, shown in this response.</summary>
    public DeliveryOutcome? Tested { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : Missing(T["There is no such webhook endpoint in this organization."]);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, a => change.UpdateAsync(a, id, new WebhookDraft { Enabled = true }, cancellationToken), T["Endpoint enabled; pending events are sent now."], cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, a => change.UpdateAsync(a, id, new WebhookDraft { Enabled = false }, cancellationToken), T["Endpoint disabled; events wait in the feed until it is enabled again."], cancellationToken);

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, Guid? deliveryId, CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var result = await change.RedeliverAsync(Actor, id, deliveryId, cancellationToken);
        if (!result.IsSuccess && result.Error.Kind == Directory.Administration.AdminErrorKind.NotFound && deliveryId is null)
        {
            return Missing(Say(result.Error));
        }

        Notice = !result.IsSuccess ? null
            : result.Value == 1 ? T["{0} dead letter sent again, in order; the endpoint is enabled.", result.Value].Value
            : T["{0} dead letters sent again, in order; the endpoint is enabled.", result.Value].Value;
        Problem = result.Error is { } error ? Say(error) : null;
        return Redirect(PathOf(id));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var result = await change.DeleteAsync(Actor, id, cancellationToken);
        if (!result.IsSuccess)
        {
            return Missing(Say(result.Error));
        }

        Notice = T["Endpoint {0} deleted with its deliveries and log.", result.Value.Url];
        return Redirect(IndexModel.Path);
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var result = await change.RotateSecretAsync(Actor, id, null, cancellationToken);
        if (!result.IsSuccess)
        {
            return Missing(Say(result.Error));
        }

        // The secret exists in this response only.
        Response.Headers.CacheControl = "no-store";
        RotatedSecret = result.Value.Secret;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var result = await test.SendAsync(Actor, id, cancellationToken);
        if (!result.IsSuccess)
        {
            return Missing(Say(result.Error));
        }

        Tested = result.Value;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public static string PathOf(Guid id) => $"{IndexModel.Path}/{id}";

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Directory.Administration.AdminActor, Task<Directory.Administration.AdminResult<WebhookEndpoint>>> act, string done, CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var result = await act(Actor);
        if (!result.IsSuccess)
        {
            return Missing(Say(result.Error));
        }

        Notice = done;
        _ = cancellationToken;
        return Redirect(PathOf(id));
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var endpoint = await list.GetAsync(OrgId, id, cancellationToken);
        if (!endpoint.IsSuccess)
        {
            return false;
        }

        Endpoint = endpoint.Value;
        Attempts = (await deliveries.AttemptsAsync(OrgId, id, LogLines, null, cancellationToken)).Value ?? [];
        DeadLetters = (await deliveries.DeliveriesAsync(OrgId, id, WebhookDeliveryStates.Dead, ListWebhookDeliveries.MaxPageSize, 0, cancellationToken)).Value ?? [];
        return true;
    }
}

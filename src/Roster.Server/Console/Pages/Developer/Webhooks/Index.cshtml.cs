using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.Roles;
using Roster.Directory.Webhooks;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Developer.Webhooks;

/// <summary>
/// Developer &gt; Webhooks: the organization's endpoints with their state, and the form that
/// registers one. The signing secret is in the answer to that POST and nowhere else.
/// </summary>
[Authorize(Policy = ConsolePolicies.EventsRead)]
public sealed class IndexModel(ListWebhookEndpoints list, CreateWebhookEndpoint create) : ConsolePageModel
{
    public const string Path = "/console/developer/webhooks";

    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    [BindProperty]
    public string? EndpointUrl { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    /// <summary>Types or families separated by spaces or commas; empty for every type.</summary>
    [BindProperty]
    public string? EventTypes { get; set; }

    /// <summary>The endpoint just registered, with its secret, rendered once in this response.</summary>
    public IssuedWebhookSecret? Registered { get; private set; }

    public IReadOnlyList<string> KnownTypes => Directory.Events.EventTypes.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Endpoints = await list.ExecuteAsync(OrgId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Can(Permission.WebhooksManage))
        {
            return Refuse(Permission.WebhooksManage);
        }

        var types = (EventTypes ?? "").Split([' ', ',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await create.ExecuteAsync(Actor, new WebhookDraft { Url = EndpointUrl, Description = Description, EventTypes = types }, cancellationToken);
        Endpoints = await list.ExecuteAsync(OrgId, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error, result.Error.Field switch
            {
                "eventTypes" => nameof(EventTypes),
                "description" => nameof(Description),
                _ => nameof(EndpointUrl),
            });
            return Page();
        }

        // The secret exists in this response only: no cache may keep it, no redirect carries it.
        Response.Headers.CacheControl = "no-store";
        Registered = result.Value;
        return Page();
    }
}

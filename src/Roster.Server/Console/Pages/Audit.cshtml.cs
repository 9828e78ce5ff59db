using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Roster.Directory.AccessKeys;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tokens;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages;

/// <summary>
/// The audit log, newest first: filter by actor (an employee's email), client, action, resource
/// type and time (UTC); "Older events" follows the directory's cursor.
/// </summary>
[Authorize(Policy = ConsolePolicies.AuditView)]
public sealed class AuditModel(
    ListAuditEvents list, ListEmployees employees, GetEmployee getEmployee, ListRoles roles, ListScimTokens listTokens, ListAccessKeys accessKeys) : ConsolePageModel
{
    public const int PageSize = 50;

    /// <summary>The actor filter: an employee's email or profile id.</summary>
    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Client { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ResourceType { get; set; }

    /// <summary>One resource's events only (an employee's "Provisioned" tab links its SCIM changes here).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ResourceId { get; set; }

    /// <summary>From (inclusive), as the datetime-local input sends it, read as UTC.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>To (exclusive), read as UTC.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public AuditPage Events { get; private set; } = new([], null);

    /// <summary>The emails of the profiles that acted on this page.</summary>
    public IReadOnlyDictionary<Guid, string> ActorEmails { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>
    /// The names of the resources on this page (a userName, a group's or role's name, a token's
    /// name), by id: ids are time-ordered, so rows made in the same minute share their first characters.
    /// </summary>
    public IReadOnlyDictionary<Guid, string> ResourceNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The credentials that acted on this page, by name and owner.</summary>
    public IReadOnlyDictionary<Guid, string> CredentialNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The clients the filter offers: Roster's own, the identity providers it knows, and the one asked for.</summary>
    public IReadOnlyList<string> Clients => string.IsNullOrEmpty(Client) || AuditFilters.KnownClients.Contains(Client) ? AuditFilters.KnownClients : [.. AuditFilters.KnownClients, Client];

    public bool Filtered => !string.IsNullOrEmpty(ActorFilter) || !string.IsNullOrEmpty(Client) || !string.IsNullOrEmpty(Action)
        || !string.IsNullOrEmpty(ResourceType) || ResourceId is not null || !string.IsNullOrEmpty(From) || !string.IsNullOrEmpty(To);

    /// <summary>This page's filters as a query string, with <paramref name="cursor"/> for the next page.</summary>
    public string QueryWith(string? cursor)
    {
        var pairs = new[] { ("actor", ActorFilter), ("client", Client), ("action", Action), ("resourceType", ResourceType), ("resourceId", ResourceId?.ToString()), ("from", From), ("to", To), ("cursor", cursor) };
        return "?" + string.Join('&', pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Guid? actor = null;
        if (!string.IsNullOrWhiteSpace(ActorFilter))
        {
            actor = await FindActorAsync(ActorFilter.Trim(), cancellationToken);
            if (actor is null)
            {
                ModelState.AddModelError("actor", $"No employee of this organization has the email or id '{ActorFilter.Trim()}'.");
                return;
            }
        }

        var from = ParseTime(From, nameof(From));
        var to = ParseTime(To, nameof(To));
        if (!ModelState.IsValid)
        {
            return;
        }

        var query = new AuditQuery
        {
            ActorProfileId = actor,
            Client = NullIfEmpty(Client),
            Action = NullIfEmpty(Action),
            ResourceType = NullIfEmpty(ResourceType),
            ResourceId = ResourceId,
            From = from,
            To = to,
            PageSize = PageSize,
            Cursor = NullIfEmpty(Cursor),
        };
        var result = await list.ExecuteAsync(OrgId, query, cancellationToken);
        if (!result.IsSuccess)
        {
            ShowError(result.Error);
            return;
        }

        Events = result.Value;
        var emails = new Dictionary<Guid, string>();
        foreach (var id in Events.Events.Select(e => e.ActorProfileId).OfType<Guid>().Distinct())
        {
            var found = await getEmployee.ExecuteAsync(OrgId, id, cancellationToken);
            if (found.IsSuccess)
            {
                emails[id] = found.Value.Email;
            }
        }

        ActorEmails = emails;
        await NameAsync(cancellationToken);
    }

    /// <summary>
    /// Names each resource from its own changes where they carry a name (a deleted resource is
    /// named only there), else from the directory as it is now.
    /// </summary>
    private async Task NameAsync(CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var e in Events.Events)
        {
            if (!names.ContainsKey(e.ResourceId) && NameInChanges(e.Changes) is { } named)
            {
                names[e.ResourceId] = named;
            }
        }

        foreach (var e in Events.Events.Where(e => e.ResourceType is AuditResourceTypes.ScimSettings or AuditResourceTypes.SsoSettings))
        {
            names.TryAdd(e.ResourceId, T["This organization"]);
        }

        var unnamed = Events.Events.Where(e => !names.ContainsKey(e.ResourceId)).ToList();
        foreach (var id in unnamed.Where(e => e.ResourceType is AuditResourceTypes.User or AuditResourceTypes.Employee).Select(e => e.ResourceId).Distinct())
        {
            if (await getEmployee.ExecuteAsync(OrgId, id, cancellationToken) is { IsSuccess: true } found)
            {
                names[id] = found.Value.UserName;
            }
        }

        if (unnamed.Any(e => e.ResourceType == AuditResourceTypes.Role))
        {
            foreach (var role in await roles.ExecuteAsync(OrgId, cancellationToken))
            {
                names.TryAdd(role.Id, role.Name);
            }
        }

        var credentials = new Dictionary<Guid, string>();
        if (unnamed.Any(e => e.ResourceType is AuditResourceTypes.ScimToken or AuditResourceTypes.AccessKey) || Events.Events.Any(e => e.CredentialId is not null))
        {
            foreach (var token in await listTokens.ExecuteAsync(OrgId, cancellationToken))
            {
                names.TryAdd(token.Id, token.Name);
                credentials[token.Id] = T["SCIM token '{0}' of {1}", token.Name, token.OwnerUserName ?? "-"];
            }

            foreach (var key in await accessKeys.ExecuteAsync(OrgId, null, cancellationToken))
            {
                names.TryAdd(key.Id, key.KeyId);
                credentials[key.Id] = T["Access key {0} of {1}", key.KeyId, key.OwnerUserName ?? "-"];
            }
        }

        ResourceNames = names;
        CredentialNames = credentials;
    }

    private static string? NameInChanges(JsonObject changes)
    {
        foreach (var key in (string[])["userName", "displayName", "name"])
        {
            var value = changes[key] is JsonObject pair ? pair["after"] ?? pair["before"] : changes[key];
            if (value is JsonValue text && text.TryGetValue<string>(out var name) && name.Length > 0)
            {
                return name;
            }
        }

        return null;
    }

    private async Task<Guid?> FindActorAsync(string actor, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(actor, out var id))
        {
            return id;
        }

        var page = await employees.ExecuteAsync(OrgId, null, actor, 1, ListEmployees.MaxPageSize, cancellationToken);
        return page.Value?.Employees.FirstOrDefault(e => string.Equals(e.Email, actor, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private DateTimeOffset? ParseTime(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        ModelState.AddModelError(field, $"'{text}' is not a date and time, e.g. 2026-11-26T09:00.");
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

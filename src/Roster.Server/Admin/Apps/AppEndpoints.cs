using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Apps;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Apps;

/// <summary>
/// App registrations (seed 002, "Developer > App registrations") under <c>/apps</c>: register
/// (client secret shown once; the technical contacts are emailed the registration, never the
/// secret), list, read, change its details (never its credentials), delete, and revoke the consents given to an app, which revokes its
/// tokens. Every route needs <c>security.login.manage</c>.
/// </summary>
public static class AppEndpoints
{
    private static readonly string Manage = Permission.SecurityLoginManage.Key;

    public static void MapAppEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var apps = org.MapGroup("/apps").WithTags("App registrations");
        apps.MapGet("", ListAsync).RequirePermission(Manage).WithSummary("Every app registration of the organization.");
        apps.MapGet("/{id:guid}", GetAsync).RequirePermission(Manage).WithSummary("One app registration.");
        apps.MapPost("", RegisterAsync).RequirePermission(Manage)
            .WithSummary("Register an app; the answer is the only time its client secret is shown.");
        apps.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Manage)
            .WithSummary("Change an app's description, technical contacts, redirect URLs, registrant or business unit; its client ID and secret stay.");
        apps.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage)
            .WithSummary("Delete an app: its client, consents and tokens stop working at once.");
        apps.MapPost("/{id:guid}/revoke-consents", RevokeConsentsAsync).RequirePermission(Manage)
            .WithSummary("Revoke every consent given to the app, and with them its tokens.");
    }

    private static async Task<Ok<IReadOnlyList<AppDocument>>> ListAsync(Guid orgId, ListApps list, CancellationToken cancellationToken)
    {
        var apps = await list.ExecuteAsync(orgId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AppDocument>>([.. apps.Select(AppDocument.From)]);
    }

    private static async Task<Results<Ok<AppDocument>, ProblemHttpResult>> GetAsync(Guid orgId, Guid id, ListApps list, CancellationToken cancellationToken) =>
        await list.FindAsync(orgId, id, cancellationToken) is { } app
            ? TypedResults.Ok(AppDocument.From(app))
            : AdminProblems.Problem(StatusCodes.Status404NotFound, $"There is no app registration {id} in this organization.");

    private static async Task<Results<Created<RegisteredAppDocument>, ProblemHttpResult>> RegisterAsync(
        HttpContext context, RegisterAppRequest body, RegisterApp register, AppRegistrationMail mail, GetEmployee employees, CancellationToken cancellationToken)
    {
        if (AppClientTypes.Parse(body.ClientType) is not { } type)
        {
            return AdminProblems.Validation("clientType", $"Choose the client type: {AppClientTypes.UserConfidential}, {AppClientTypes.UserPublic} or {AppClientTypes.BackEnd}.");
        }

        var draft = new AppDraft(body.Name ?? "", body.Description, body.TechnicalContacts ?? [], type, body.RedirectUris ?? [], body.Scopes ?? [], body.OwnerId, body.Registrant, body.BusinessUnit);
        var actor = context.GetAdminActor();
        var result = await register.ExecuteAsync(actor, draft, cancellationToken);
        if (!result.IsSuccess)
        {
            // Each refusal under its own field (name, contacts, businessUnit, ...), as the form shows them.
            return AdminProblems.From(result.Error, result.Error.Field ?? "app");
        }

        // Committed: the technical contacts are told, and a mail that fails is reported, not an error.
        var app = result.Value.App;
        var actedBy = actor.ProfileId is { } me && await employees.ExecuteAsync(actor.TenantId, me, cancellationToken) is { IsSuccess: true } person
            ? RegisterApp.Describe(person.Value!)
            : "The operator";
        var mailed = await mail.SendAsync(app, app.Contacts, actedBy, registered: true, context.Request, cancellationToken);
        var registered = RegisteredAppDocument.From(result.Value, mailed);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{registered.App.Id}", registered);
    }

    private static async Task<Results<Ok<AppDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid orgId, Guid id, UpdateAppRequest body, ListApps list, UpdateApp update, AppRegistrationMail mail, GetEmployee employees, CancellationToken cancellationToken)
    {
        if (await list.FindAsync(orgId, id, cancellationToken) is not { } before)
        {
            return AdminProblems.Problem(StatusCodes.Status404NotFound, $"There is no app registration {id} in this organization.");
        }

        // Left out is kept, as the console's form shows the stored values; the rules are registering's (AppRules).
        var details = new AppDetails(
            body.Description ?? before.Description,
            body.TechnicalContacts ?? before.Contacts,
            body.RedirectUris ?? before.RedirectUris,
            body.Registrant ?? before.Registrant,
            body.BusinessUnit ?? before.BusinessUnit);
        var actor = context.GetAdminActor();
        var result = await update.ExecuteAsync(actor, id, details, cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error, result.Error.Field ?? "app");
        }

        // Saved: contacts added are told about the app, as the console's edit tells them; a mail that fails is logged, not an error.
        var saved = result.Value;
        var added = saved.Contacts.Where(c => !before.Contacts.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (added.Count > 0)
        {
            var actedBy = actor.ProfileId is { } me && await employees.ExecuteAsync(actor.TenantId, me, cancellationToken) is { IsSuccess: true } person
                ? RegisterApp.Describe(person.Value!)
                : "The operator";
            await mail.SendAsync(saved, added, actedBy, registered: false, context.Request, cancellationToken);
        }

        return TypedResults.Ok(AppDocument.From(saved));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, Guid id, ChangeApp change, CancellationToken cancellationToken)
    {
        var result = await change.DeleteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<RevokedConsentsDocument>, ProblemHttpResult>> RevokeConsentsAsync(
        HttpContext context, Guid id, ChangeApp change, CancellationToken cancellationToken)
    {
        var result = await change.RevokeConsentsAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(new RevokedConsentsDocument(result.Value)) : AdminProblems.From(result.Error);
    }
}

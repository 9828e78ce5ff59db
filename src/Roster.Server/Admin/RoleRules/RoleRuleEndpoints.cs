using Microsoft.AspNetCore.Http.HttpResults;
using Roster.Directory.Administration;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Server.Admin.Authentication;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.RoleRules;

/// <summary>
/// Role rules: an IdP group (by display name, externalId or id) or a <c>roles</c> value mapped to
/// a role, with a preview that runs the change and rolls it back. Changes need
/// <c>roles.manage</c> and, by the privilege model, every permission of the roles involved;
/// reading is also allowed with <c>employees.view</c>.
/// </summary>
public static class RoleRuleEndpoints
{
    private static readonly string Manage = Permission.RolesManage.Key;
    private static readonly string ViewEmployees = Permission.EmployeesView.Key;

    public static void MapRoleRuleEndpoints(this RouteGroupBuilder org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var rules = org.MapGroup("/role-rules").WithTags("Role rules");
        rules.MapGet("", ListAsync).RequirePermission(Manage, ViewEmployees)
            .WithSummary("The organization's role rules, in priority order.");
        rules.MapPost("", CreateAsync).RequirePermission(Manage)
            .WithSummary("Add a rule; its role is given at once to everyone it matches (group members at any nesting depth, or people whose roles carry the value).");
        rules.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Manage)
            .WithSummary("Change a rule; grants move at once.");
        rules.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Manage)
            .WithSummary("Remove a rule and every grant it gave.");
        rules.MapPost("/preview", PreviewAsync).RequirePermission(Manage)
            .WithSummary("What saving a rule (new, changed or deleted) would do: per role, who would gain and who would lose it. Nothing is saved.");
        rules.MapGet("/unmatched-values", UnmatchedAsync).RequirePermission(Manage, ViewEmployees)
            .WithSummary("The roles values identity providers sent that named no role (under the ignore and default-role policies), most recent first: each is a value rule or a role still to add.");
    }

    private static async Task<Ok<IReadOnlyList<UnmatchedRoleValue>>> UnmatchedAsync(Guid orgId, ListUnmatchedRoleValues unmatched, CancellationToken cancellationToken) =>
        TypedResults.Ok(await unmatched.ExecuteAsync(orgId, RoleRuleLimits.MaxUnmatchedValues, cancellationToken));

    private static async Task<Ok<IReadOnlyList<RoleRuleDocument>>> ListAsync(Guid orgId, ListRoleRules list, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<RoleRuleDocument>>([.. (await list.ExecuteAsync(orgId, cancellationToken)).Select(RoleRuleDocument.From)]);

    private static async Task<Results<Created<RoleRuleDocument>, ProblemHttpResult>> CreateAsync(
        HttpContext context, RoleRuleRequest body, CreateRoleRule create, CancellationToken cancellationToken)
    {
        var result = await create.ExecuteAsync(context.GetAdminActor(), Draft(body.Match, body.Value, body.RoleId, body.Priority), cancellationToken);
        if (!result.IsSuccess)
        {
            return AdminProblems.From(result.Error);
        }

        var rule = RoleRuleDocument.From(result.Value);
        return TypedResults.Created($"{context.Request.Path.ToUriComponent().TrimEnd('/')}/{rule.Id}", rule);
    }

    private static async Task<Results<Ok<RoleRuleDocument>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, Guid id, RoleRuleRequest body, UpdateRoleRule update, CancellationToken cancellationToken) =>
        Respond(await update.ExecuteAsync(context.GetAdminActor(), id, Draft(body.Match, body.Value, body.RoleId, body.Priority), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpContext context, Guid id, DeleteRoleRule delete, CancellationToken cancellationToken)
    {
        var result = await delete.ExecuteAsync(context.GetAdminActor(), id, cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : AdminProblems.From(result.Error);
    }

    private static async Task<Results<Ok<RulePreview>, ProblemHttpResult>> PreviewAsync(
        HttpContext context, RulePreviewRequest body, PreviewRoleRule preview, CancellationToken cancellationToken)
    {
        if (body.Delete == true && body.RuleId is null)
        {
            return AdminProblems.Validation("ruleId", "Name the rule whose deletion you want to preview.");
        }

        var draft = body.Delete == true ? null : Draft(body.Match, body.Value, body.RoleId, body.Priority);
        var result = await preview.ExecuteAsync(context.GetAdminActor(), body.RuleId, draft, cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : AdminProblems.From(result.Error);
    }

    private static RoleRuleDraft Draft(string? match, string? value, Guid? roleId, int? priority) =>
        new(match, value, roleId ?? Guid.Empty, priority ?? RoleRuleDraft.DefaultPriority);

    private static Results<Ok<RoleRuleDocument>, ProblemHttpResult> Respond(AdminResult<RoleRule> result) =>
        result.IsSuccess ? TypedResults.Ok(RoleRuleDocument.From(result.Value)) : AdminProblems.From(result.Error);
}

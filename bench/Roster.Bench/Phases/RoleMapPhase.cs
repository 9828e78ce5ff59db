using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Roster.Bench.Measurement;
using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>rolemap</c> (Roster's role rules, over its admin API): on the seeded big group, times a rule
/// that maps the group to a role (every member gains it), single member adds and removes while the
/// rule maps the group, renaming the group away from the rule's display name and back (every
/// member loses, then regains, the role), and changing the rule's role (every member loses one
/// role and gains another). Needs <c>--seeded-users</c> and the admin API's URL and sign-in.
/// </summary>
internal static class RoleMapPhase
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        if (settings.AdminUrl is null || settings.AdminUser is null || settings.AdminPassword is null || settings.SeededUsers <= settings.BigGroupMembers)
        {
            context.Skip("rolemap-rule", "needs --admin-url, --admin-user, --admin-password and seeded users outside the big group (--seeded-users > --big-group-members)");
            return;
        }

        string groupFilter = "Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString($"displayName eq \"{SeededDirectory.BigGroupName}\"");
        if (await ScimLookup.FindIdAsync(context.Client, groupFilter, cancellationToken) is not string groupId)
        {
            context.Skip("rolemap-rule", $"no group named {SeededDirectory.BigGroupName}");
            return;
        }

        using HttpClient admin = new() { BaseAddress = new Uri(settings.AdminUrl.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AdminUser}:{settings.AdminPassword}")));
        string suffix = context.Names.RunId;
        string? first = await IdOfAsync(admin, "roles", $$"""{"name":"Bench mapped {{suffix}}","permissions":["employees.view"]}""", cancellationToken);
        string? second = await IdOfAsync(admin, "roles", $$"""{"name":"Bench remapped {{suffix}}","permissions":["employees.view"]}""", cancellationToken);
        if (first is null || second is null)
        {
            context.Skip("rolemap-rule", "the roles could not be created over the admin API");
            return;
        }

        long members = settings.BigGroupMembers;
        PhaseRecorder create = context.BeginPhase("rolemap-rule", 1);
        string? ruleId = await TimedAsync(admin, HttpMethod.Post, "role-rules", RuleBody(first), create, cancellationToken);
        create.SetMetric("grants", members);
        context.Complete(create, cancellationToken);
        if (ruleId is null)
        {
            return;
        }

        string groupPath = $"Groups/{Uri.EscapeDataString(groupId)}";
        List<string> spareIds = [];
        for (int index = settings.SeededUsers - Math.Min(PhasePlan.SpareUsersForBigGroup, settings.SeededUsers - settings.BigGroupMembers); index < settings.SeededUsers; index++)
        {
            if (await ScimLookup.FindIdAsync(context.Client, ScimLookup.UserByName(SeededDirectory.UserName(index)), cancellationToken) is string id)
            {
                spareIds.Add(id);
            }
        }

        await BigGroupPhase.ChangeOneMemberAsync(context, groupPath, spareIds, members, cancellationToken, "rolemap-add1", "rolemap-remove1");

        PhaseRecorder rename = context.BeginPhase("rolemap-rename", 1);
        await context.Client.SendAsync(HttpMethod.Patch, groupPath, Rename($"{SeededDirectory.BigGroupName}-renamed"), rename, cancellationToken);
        rename.SetMetric("grantsLost", members);
        context.Complete(rename, cancellationToken);

        PhaseRecorder back = context.BeginPhase("rolemap-rename-back", 1);
        await context.Client.SendAsync(HttpMethod.Patch, groupPath, Rename(SeededDirectory.BigGroupName), back, cancellationToken);
        back.SetMetric("grantsGained", members);
        context.Complete(back, cancellationToken);

        PhaseRecorder change = context.BeginPhase("rolemap-rule-change", 1);
        await TimedAsync(admin, HttpMethod.Put, $"role-rules/{ruleId}", RuleBody(second), change, cancellationToken);
        change.SetMetric("grantsMoved", members);
        context.Complete(change, cancellationToken);

        // The rule goes again, so a later run starts from the same directory.
        await admin.DeleteAsync(new Uri($"role-rules/{ruleId}", UriKind.Relative), cancellationToken);
    }

    private static string RuleBody(string roleId) => $$"""{"match":"group.displayName","value":"{{SeededDirectory.BigGroupName}}","roleId":"{{roleId}}"}""";

    private static byte[] Rename(string name) =>
        Encoding.UTF8.GetBytes($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"{{name}}"}]}""");

    private static async Task<string?> IdOfAsync(HttpClient admin, string path, string json, CancellationToken cancellationToken)
    {
        using var response = await admin.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
        return response.IsSuccessStatusCode ? ScimJson.TopLevelString(await response.Content.ReadAsByteArrayAsync(cancellationToken), "id") : null;
    }

    /// <summary>One admin API request, recorded like a SCIM one; the id of what it answered, if any.</summary>
    private static async Task<string?> TimedAsync(HttpClient admin, HttpMethod method, string path, string json, PhaseRecorder recorder, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await admin.SendAsync(request, cancellationToken);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        recorder.RecordResponse(Stopwatch.GetTimestamp() - started, (int)response.StatusCode, body);
        return response.IsSuccessStatusCode ? ScimJson.TopLevelString(body, "id") : null;
    }
}

using Roster.Bench.Running;
using Roster.Bench.Scim;

namespace Roster.Bench.Phases;

/// <summary>
/// <c>bigmember</c> on a seeded directory: the big group is already full (<c>seed-big-group</c>, with
/// <c>--big-group-members</c> members), so only the single-member adds and removes run. The group and the
/// spare users (the last seeded ones, outside the group) are found by <c>eq</c> filters, as an IdP would.
/// </summary>
internal static class SeededBigGroupPhase
{
    public static async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int seeded = context.Settings.SeededUsers;
        int members = context.Settings.BigGroupMembers;
        if (seeded <= members)
        {
            context.Skip("bigmember-add1", $"needs seeded users outside {SeededDirectory.BigGroupName} (--seeded-users {seeded} <= --big-group-members {members})");
            return;
        }

        string groupFilter = "Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString($"displayName eq \"{SeededDirectory.BigGroupName}\"");
        string? groupId = await ScimLookup.FindIdAsync(context.Client, groupFilter, cancellationToken);
        if (groupId is null)
        {
            context.Skip("bigmember-add1", $"no group named {SeededDirectory.BigGroupName}");
            return;
        }

        List<string> spareIds = [];
        int spares = Math.Min(PhasePlan.SpareUsersForBigGroup, seeded - members);
        for (int index = seeded - spares; index < seeded && !cancellationToken.IsCancellationRequested; index++)
        {
            if (await ScimLookup.FindIdAsync(context.Client, ScimLookup.UserByName(SeededDirectory.UserName(index)), cancellationToken) is string id)
            {
                spareIds.Add(id);
            }
        }

        if (spareIds.Count == 0)
        {
            context.Skip("bigmember-add1", "none of the last seeded users was found");
            return;
        }

        string groupPath = $"Groups/{Uri.EscapeDataString(groupId)}";
        await BigGroupPhase.ChangeOneMemberAsync(context, groupPath, spareIds, members, cancellationToken);
    }
}

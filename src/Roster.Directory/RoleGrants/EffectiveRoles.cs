using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// A person's roles from their grants, primary first. The primary role is the one the person's
/// <c>roles</c> mark primary (the IdP's or the administrator's choice), else the one of the rule
/// with the lowest priority, else the first role of their <c>roles</c>, else a manual, default,
/// fallback or required grant, in that order.
/// </summary>
internal static class EffectiveRoles
{
    public static IReadOnlyList<Role> Ordered(IReadOnlyList<RoleGrant> grants, IReadOnlyList<Role> roles, IReadOnlyList<RoleRule> rules, JsonObject document)
    {
        var held = grants.Select(g => g.RoleId).Distinct().Select(id => roles.FirstOrDefault(r => r.Id == id)).OfType<Role>().ToList();
        var primary = Primary(grants, roles, rules, document);
        return [.. held.OrderBy(r => r.Id == primary ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static Guid? Primary(IReadOnlyList<RoleGrant> grants, IReadOnlyList<Role> roles, IReadOnlyList<RoleRule> rules, JsonObject document)
    {
        var values = (document["roles"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var marked = values.FirstOrDefault(v => v["primary"] is JsonValue p && p.GetValueKind() == JsonValueKind.True);
        if (Text(marked?["value"]) is { } markedValue)
        {
            var byName = roles.FirstOrDefault(r => string.Equals(r.Name, markedValue, StringComparison.Ordinal));
            var match = grants.FirstOrDefault(g => (g.Source != RoleGrantSource.Alias && byName is not null && g.RoleId == byName.Id)
                || (g.Source == RoleGrantSource.Alias && string.Equals(g.Value, markedValue, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
            {
                return match.RoleId;
            }
        }

        var byRule = grants.Where(g => g.RuleId is not null)
            .Select(g => (Grant: g, Rule: rules.FirstOrDefault(r => r.Id == g.RuleId)))
            .Where(x => x.Rule is not null)
            .OrderBy(x => x.Rule!.Priority).ThenBy(x => x.Rule!.Created)
            .Select(x => (Guid?)x.Grant.RoleId).FirstOrDefault();
        if (byRule is not null)
        {
            return byRule;
        }

        foreach (var value in values.Select(v => Text(v["value"])).OfType<string>())
        {
            var role = roles.FirstOrDefault(r => string.Equals(r.Name, value, StringComparison.Ordinal));
            if (role is not null && grants.Any(g => g.RoleId == role.Id && g.Source == RoleGrantSource.Sent))
            {
                return role.Id;
            }
        }

        return grants.OrderBy(g => g.Source switch
        {
            RoleGrantSource.Manual => 0,
            RoleGrantSource.Default => 1,
            RoleGrantSource.Fallback => 2,
            _ => 3,
        }).Select(g => (Guid?)g.RoleId).FirstOrDefault();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// One group of a user (<see cref="RoleGrants.GroupNesting.ReachedGroups"/>: <c>group_id</c> and
/// <c>depth</c>) seen as an element of its read-only <c>groups</c>: <c>value</c> is the group id,
/// <c>display</c> its displayName, <c>type</c> "direct" or "indirect".
/// </summary>
internal sealed class MembershipScope(SqlTranslation sql, string alias, AttributeDefinition groups) : FilterScope
{
    public override FilterOperand Resolve(AttributePath path)
    {
        var sub = path.Name.Length == 0 ? groups.FindSubAttribute("value") ?? throw Undefined("groups.value", "users") : SubAttributeOf(groups, path);
        var text = $"groups.{sub.Name}";
        switch (sub.Name.ToUpperInvariant())
        {
            case "VALUE":
                return new ScalarOperand(sub, text, $"{alias}.group_id", null, ScalarKind.Key, Nullable: false, sql.True);
            case "DISPLAY":
                var display = $"(SELECT gd.display_name FROM groups AS gd WHERE gd.tenant_id = {SqlParameters.Tenant} AND gd.id = {alias}.group_id)";
                return new ScalarOperand(sub, text, display, null, ScalarKind.Value, Nullable: true, $"({display} IS NOT NULL AND {display} <> '')");
            case "TYPE":
                return new ScalarOperand(
                    sub, text, $"(CASE WHEN {alias}.depth = 0 THEN '{MembershipTypes.Direct}' ELSE '{MembershipTypes.Indirect}' END)", null, ScalarKind.Value, Nullable: false, sql.True);
            default:
                throw new ScimException(ScimError.InvalidFilter($"The attribute '{text}' cannot be used in a filter."));
        }
    }
}

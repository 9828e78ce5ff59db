using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// One row of <c>group_members</c> seen as an element of a user's read-only <c>groups</c>:
/// <c>value</c> is the group id, <c>display</c> its displayName, <c>type</c> always "direct".
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
                return new ConstantOperand(sub, text, MembershipTypes.Direct);
            default:
                throw new ScimException(ScimError.InvalidFilter($"The attribute '{text}' cannot be used in a filter."));
        }
    }
}

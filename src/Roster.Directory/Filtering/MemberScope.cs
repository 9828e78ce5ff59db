using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// One row of <c>group_members</c> seen as an element of a group's <c>members</c>:
/// <c>value</c> is the member id, <c>type</c> the member type and <c>display</c> the member's
/// current name (members' display is looked up, never stored).
/// </summary>
internal sealed class MemberScope(SqlTranslation sql, string alias, AttributeDefinition members) : FilterScope
{
    public override FilterOperand Resolve(AttributePath path)
    {
        var sub = path.Name.Length == 0 ? members.FindSubAttribute("value") ?? throw Undefined("members.value", "groups") : SubAttributeOf(members, path);
        var text = $"members.{sub.Name}";
        return sub.Name.ToUpperInvariant() switch
        {
            "VALUE" => new ScalarOperand(sub, text, $"{alias}.member_id", null, ScalarKind.Key, Nullable: false, sql.True),
            "TYPE" => new ScalarOperand(sub, text, $"{alias}.member_type", null, ScalarKind.Value, Nullable: false, sql.True),
            "DISPLAY" => Display(sub, text),
            _ => throw new ScimException(ScimError.InvalidFilter($"The attribute '{text}' cannot be used in a filter.")),
        };
    }

    private ScalarOperand Display(AttributeDefinition sub, string text)
    {
        var display = MemberDisplaySql.For(alias);
        return new ScalarOperand(sub, text, display, null, ScalarKind.Value, Nullable: true, $"({display} IS NOT NULL AND {display} <> '')");
    }
}

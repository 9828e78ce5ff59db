using Roster.Directory.RoleRules;

namespace Roster.Directory.Groups;

/// <summary>A group created (no <see cref="Before"/>), renamed, or deleted (no <see cref="After"/>), as role rules see it.</summary>
/// <param name="Before">Its identity before the write.</param>
/// <param name="After">Its identity after the write.</param>
/// <param name="RulesAbove">For a deleted group: the group rules above it, read before its rows went.</param>
internal sealed record GroupIdentityChange(GroupIdentity? Before, GroupIdentity? After, IReadOnlyList<RoleRule> RulesAbove)
{
    public static GroupIdentityChange Created(GroupColumns columns) => new(null, Of(columns), []);

    public static GroupIdentityChange? Changed(GroupColumns before, GroupColumns after) =>
        Of(before) == Of(after) ? null : new GroupIdentityChange(Of(before), Of(after), []);

    public static GroupIdentityChange Deleted(GroupColumns before, IReadOnlyList<RoleRule> rulesAbove) => new(Of(before), null, rulesAbove);

    private static GroupIdentity Of(GroupColumns columns) => new(columns.DisplayNameKey, columns.ExternalId);
}

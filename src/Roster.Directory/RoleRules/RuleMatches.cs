namespace Roster.Directory.RoleRules;

/// <summary>Between <see cref="RuleMatch"/> and its text (stored, and used by the admin API and the CLI).</summary>
public static class RuleMatches
{
    public const string GroupId = "group.id";
    public const string GroupExternalId = "group.externalId";
    public const string GroupDisplayName = "group.displayName";
    public const string RoleValue = "roles.value";

    public static IReadOnlyList<string> All { get; } = [GroupDisplayName, GroupExternalId, GroupId, RoleValue];

    public static string ToText(RuleMatch match) => match switch
    {
        RuleMatch.GroupId => GroupId,
        RuleMatch.GroupExternalId => GroupExternalId,
        RuleMatch.GroupDisplayName => GroupDisplayName,
        RuleMatch.RoleValue => RoleValue,
        _ => throw new ArgumentOutOfRangeException(nameof(match)),
    };

    /// <summary>The match named by <paramref name="text"/> (ignoring case), or null.</summary>
    public static RuleMatch? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "group.id" => RuleMatch.GroupId,
        "group.externalid" => RuleMatch.GroupExternalId,
        "group.displayname" => RuleMatch.GroupDisplayName,
        "roles.value" => RuleMatch.RoleValue,
        _ => null,
    };

    public static bool IsGroup(RuleMatch match) => match != RuleMatch.RoleValue;
}

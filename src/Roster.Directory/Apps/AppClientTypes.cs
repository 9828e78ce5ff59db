namespace Roster.Directory.Apps;

/// <summary>Between <see cref="AppClientType"/> and its stored and API text.</summary>
public static class AppClientTypes
{
    public const string UserConfidential = "user-confidential";
    public const string UserPublic = "user-public";
    public const string BackEnd = "back-end";

    public static string ToText(AppClientType type) => type switch
    {
        AppClientType.UserConfidential => UserConfidential,
        AppClientType.UserPublic => UserPublic,
        _ => BackEnd,
    };

    public static AppClientType? Parse(string? text) => text switch
    {
        UserConfidential => AppClientType.UserConfidential,
        UserPublic => AppClientType.UserPublic,
        BackEnd => AppClientType.BackEnd,
        _ => null,
    };
}

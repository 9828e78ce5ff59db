using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>The user operations' own SCIM errors.</summary>
internal static class UserErrors
{
    public static ScimError UserNameTaken(string userName) =>
        ScimError.Uniqueness($"The userName \"{userName}\" is already taken in this tenant (userName is unique ignoring case).");
}

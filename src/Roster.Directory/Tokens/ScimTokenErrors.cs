using Roster.Directory.Administration;

namespace Roster.Directory.Tokens;

/// <summary>Why a SCIM token request is refused, in words an administrator can act on.</summary>
internal static class ScimTokenErrors
{
    public static AdminError NameRequired() => AdminError.Validation("Give the token a name, e.g. the identity provider that will use it.") with { Field = "name" };

    public static AdminError NameTooLong() => AdminError.Validation("A token name is at most 200 characters.") with { Field = "name" };

    public static AdminError OwnerNotFound(Guid id) => AdminError.NotFound($"There is no employee {id} in this organization to own the token.");

    public static AdminError OwnerDeactivated(Guid id) =>
        AdminError.Validation($"Employee {id} is deactivated; a token it owns would not work. Pick an active profile.") with { Field = "ownerId" };

    public static AdminError ExpiryInPast() => AdminError.Validation("The expiry must be in the future.") with { Field = "expires" };

    public static AdminError ExpiryTooFar(int maxDays) =>
        AdminError.Validation($"This organization allows SCIM tokens to live at most {maxDays} days; pick an earlier expiry.") with { Field = "expires" };

    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no SCIM token {id} in this organization.");
}

using System.Diagnostics.CodeAnalysis;
using Roster.Directory.Roles;

namespace Roster.Directory.Credentials;

/// <summary>What an OAuth grant may do now, or why it may do nothing (<see cref="OAuthCredentials.CheckGrantAsync"/>).</summary>
/// <param name="Refusal">Why the grant no longer works, in words safe to return to its client; null when it works.</param>
/// <param name="Permissions">Its power when it works: the person's permissions, within the credential's ceiling for client credentials.</param>
public sealed record GrantCheck(string? Refusal, PermissionSet Permissions)
{
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Stands => Refusal is null;

    public static GrantCheck Refused(string reason) => new(reason, PermissionSet.None);
}

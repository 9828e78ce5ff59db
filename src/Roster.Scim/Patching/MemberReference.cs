namespace Roster.Scim.Patching;

/// <summary>A member named in a Group PATCH: the member's <c>id</c> and, when the client says, its type.</summary>
/// <param name="Value">The member resource's id (<c>members.value</c>), never empty.</param>
/// <param name="Type"><c>User</c> or <c>Group</c> (<c>members.type</c>), or null when not given.</param>
public sealed record MemberReference(string Value, string? Type = null);

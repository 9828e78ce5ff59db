using Roster.Scim.Filtering;

namespace Roster.Scim.Patching;

/// <summary>
/// One change to a group's memberships, taken out of a PATCH request so that storage applies it
/// to membership rows (one insert or delete per member) instead of rewriting a member list.
/// The variants below form a closed set, kept together like <see cref="FilterNode"/>'s.
/// </summary>
public abstract record MembershipChange;

/// <summary>Add these members; adding a present member changes nothing.</summary>
public sealed record AddMembers(IReadOnlyList<MemberReference> Members) : MembershipChange;

/// <summary>Remove the members with these ids; removing an absent member changes nothing.</summary>
public sealed record RemoveMembers(IReadOnlyList<string> MemberIds) : MembershipChange;

/// <summary>
/// Remove the members matching a value filter that is not simply <c>value eq "id"</c> (or an
/// <c>or</c> of those), e.g. <c>members[type eq "Group"]</c>; its paths are sub-attributes of
/// <c>members</c>.
/// </summary>
public sealed record RemoveMembersMatching(FilterNode Filter) : MembershipChange;

/// <summary>Make these the only members; an empty list removes every member.</summary>
public sealed record ReplaceMembers(IReadOnlyList<MemberReference> Members) : MembershipChange;

/// <summary>Remove every member.</summary>
public sealed record RemoveAllMembers : MembershipChange;

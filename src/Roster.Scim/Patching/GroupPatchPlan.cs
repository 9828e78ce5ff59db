namespace Roster.Scim.Patching;

/// <summary>A Group PATCH split in two, each part in request order.</summary>
/// <param name="AttributeOperations">Operations on the group's other attributes, for <see cref="PatchEngine"/>.</param>
/// <param name="MembershipChanges">Changes to the group's membership rows.</param>
public sealed record GroupPatchPlan(IReadOnlyList<PatchOperation> AttributeOperations, IReadOnlyList<MembershipChange> MembershipChanges);

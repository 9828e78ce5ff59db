using Roster.Directory.Resources;
using Roster.Directory.RoleRules;

namespace Roster.Directory.Groups;

/// <summary>A group touched for a change of its members (<see cref="GroupSql.TouchForMembersAsync"/>).</summary>
/// <param name="Row">The group at its new version.</param>
/// <param name="Above">The groups it is nested in, at any depth, not itself; null when the change adds no member (not read).</param>
/// <param name="RulesAbove">The group rules that reach its members: those naming it or a group above it.</param>
internal sealed record MembershipWrite(ResourceRow Row, HashSet<Guid>? Above, List<RoleRule> RulesAbove);

using Roster.Directory.Database;

namespace Roster.Directory.Operators;

/// <summary>
/// The operator's own tables (<c>operator_keys</c>, <c>operator_events</c>) belong to no tenant:
/// their statements are marked cross-tenant, the only scope that fits rows above every tenant.
/// </summary>
internal static class OperatorRows
{
    public const SqlScope Scope = SqlScope.CrossTenant;
}

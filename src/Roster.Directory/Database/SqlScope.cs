namespace Roster.Directory.Database;

/// <summary>
/// Which rows a statement of a <see cref="SqlSession"/> may touch. A session refuses a
/// <see cref="Tenant"/> statement that does not bind its tenant's parameter, so a forgotten
/// <c>tenant_id</c> condition fails the first time it runs instead of reading another tenant's rows.
/// </summary>
public enum SqlScope
{
    /// <summary>The session's tenant only: the statement binds <see cref="Filtering.SqlParameters.Tenant"/> to it.</summary>
    Tenant,

    /// <summary>
    /// Deliberately not limited to the session's tenant (a session setting, operator-wide
    /// bookkeeping); each call site that says so comments why.
    /// </summary>
    CrossTenant,
}

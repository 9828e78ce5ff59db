using System.Globalization;
using System.Text;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Employees;

/// <summary>
/// A page of the tenant's employees, ordered by userName (ignoring case), optionally of one
/// status and matching a search text. The search looks, ignoring case, for the text in the
/// userName, the display name, the first and last names and every email; the page is cut in
/// the database, so a tenant's users are never all loaded.
/// </summary>
public sealed class ListEmployees(DirectoryDatabase database)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Task<AdminResult<EmployeePage>> ExecuteAsync(Guid tenantId, EmployeeStatus? status, string? search, int page, CancellationToken cancellationToken) =>
        ExecuteAsync(tenantId, status, search, page, DefaultPageSize, cancellationToken);

    public async Task<AdminResult<EmployeePage>> ExecuteAsync(
        Guid tenantId, EmployeeStatus? status, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (page < 1)
        {
            return AdminError.Validation("Pages are numbered from 1.") with { Field = "page" };
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            return AdminError.Validation($"A page holds 1 to {MaxPageSize} employees.") with { Field = "pageSize" };
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var where = new StringBuilder($"u.tenant_id = {SqlParameters.Tenant}");
        if (status is { } wanted)
        {
            var deactivated = parameters.Add(EmployeeStatuses.Deactivated);
            var inactive = parameters.Add(dialect.BooleanValue(false));
            var now = parameters.Add(dialect.Timestamp(session.Now));

            // As EmployeeRow.EffectiveStatus reads a row: deactivated first, then a lock that has not run out, then the stored status.
            where.Append(wanted switch
            {
                EmployeeStatus.Deactivated => $" AND (u.status = {deactivated} OR u.active = {inactive})",
                EmployeeStatus.Locked => $" AND u.status <> {deactivated} AND (u.active IS NULL OR u.active <> {inactive}) AND u.locked_until > {now}",
                _ => $" AND u.status = {parameters.Add(EmployeeStatuses.ToColumn(wanted))} AND (u.active IS NULL OR u.active <> {inactive}) " +
                    $"AND (u.locked_until IS NULL OR u.locked_until <= {now})",
            });
        }

        if (search?.Trim() is { Length: > 0 } text)
        {
            var key = parameters.Add(CaseFolding.Fold(text));
            var givenName = dialect.Fold(dialect.JsonValue("u.document", new DocumentPath("name", "givenName"), AttributeType.String));
            var familyName = dialect.Fold(dialect.JsonValue("u.document", new DocumentPath("name", "familyName"), AttributeType.String));
            where.Append(
                CultureInfo.InvariantCulture,
                $" AND ({dialect.Contains("u.user_name_key", key)} OR (u.display_name_key IS NOT NULL AND {dialect.Contains("u.display_name_key", key)}) " +
                $"OR ({givenName} IS NOT NULL AND {dialect.Contains(givenName, key)}) OR ({familyName} IS NOT NULL AND {dialect.Contains(familyName, key)}) " +
                $"OR EXISTS (SELECT 1 FROM user_emails AS e WHERE e.tenant_id = u.tenant_id AND e.user_id = u.id AND {dialect.Contains("e.value_key", key)}))");
        }

        var total = Convert.ToInt32(await session.ScalarAsync($"SELECT COUNT(*) FROM users AS u WHERE {where}", parameters, cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var rows = await EmployeeSql.QueryAsync(
            session, $"{where} ORDER BY u.user_name_key, u.id LIMIT {parameters.Add((long)pageSize)} OFFSET {parameters.Add(((long)page - 1) * pageSize)}", parameters, cancellationToken);
        return new EmployeePage(await EmployeeProjection.ReadAsync(session, rows, cancellationToken), total, page, pageSize);
    }
}

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// Turns a SCIM filter into a parameterised SQL condition over a resource table (ARCHITECTURE
/// decision 1): indexed columns where the table has them, JSON functions for the rest of the
/// document, <c>EXISTS</c> over array elements and membership rows for multi-valued attributes.
/// Case-exactness and types come from the schema. Every condition is two-valued (never NULL),
/// so <c>not</c> means exactly the opposite. A filter that names an attribute the schema does
/// not define, or applies an operator that cannot apply, is a 400 <c>invalidFilter</c>.
/// </summary>
public sealed class FilterSqlTranslator(ISqlDialect dialect)
{
    /// <summary>The condition for <paramref name="filter"/> over rows of <paramref name="table"/> (aliased <see cref="ResourceTable.Alias"/>).</summary>
    public ScimResult<string> Translate(FilterNode filter, ResourceTable table, ResourceTypeDefinition type, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(type);
        var sql = new SqlTranslation(dialect, parameters);
        return Run(() => new Conditions(sql).Node(filter, new ResourceScope(sql, table, type)));
    }

    /// <summary>
    /// The condition for a filter over one group's member rows (aliased
    /// <paramref name="memberAlias"/>), relative to a member: <c>value eq "id"</c>,
    /// <c>type eq "Group"</c>. Used by PATCH <c>remove</c> with <c>members[...]</c> paths.
    /// </summary>
    public ScimResult<string> TranslateMemberFilter(FilterNode filter, AttributeDefinition members, string memberAlias, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new SqlTranslation(dialect, parameters);
        return Run(() => new Conditions(sql).Node(filter, new MemberScope(sql, memberAlias, members)));
    }

    /// <summary>
    /// The expression to sort on for <paramref name="sortBy"/>: the folded value for
    /// case-insensitive strings; for a multi-valued attribute, its primary (else first) value.
    /// Null when the order does not depend on the row (e.g. <c>meta.resourceType</c>).
    /// </summary>
    public ScimResult<string?> TranslateSortKey(AttributePath sortBy, ResourceTable table, ResourceTypeDefinition type, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(sortBy);
        var sql = new SqlTranslation(dialect, parameters);
        return Run(() => new SortKeys(sql).For(new ResourceScope(sql, table, type).Resolve(sortBy)));
    }

    private static ScimResult<T> Run<T>(Func<T> translate)
    {
        try
        {
            return translate();
        }
        catch (ScimException e)
        {
            return e.Error;
        }
    }
}

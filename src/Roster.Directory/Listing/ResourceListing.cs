using System.Data.Common;
using System.Globalization;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;
using Roster.Scim.Schemas;

namespace Roster.Directory.Listing;

/// <summary>
/// Runs a list or search in the database (ARCHITECTURE decision 1): the tenant, then the
/// translated filter, a stable order (the sort key, nulls last, then id), and either
/// <c>startIndex</c>/<c>count</c> (LIMIT/OFFSET) or keyset cursor paging (RFC 9865).
/// <c>totalResults</c> comes from COUNT unless the page itself shows it. <see cref="ListingCache"/>
/// keeps large counts a few seconds and where each <c>startIndex</c> page ended, so that walking
/// a big tenant counts it once and reads each next page from where the last one stopped.
/// </summary>
internal sealed class ResourceListing(FilterSqlTranslator translator, ListingCache listings)
{
    private const string Columns = "id, version, created, last_modified, document";

    // From this startIndex on, the rows skipped are walked as ids only (the primary key index),
    // and only the page's rows are read whole: a deep OFFSET then skips index entries instead of
    // whole rows with their documents.
    private const int DeferredJoinFrom = 1_000;

    /// <summary>Lists one page.</summary>
    /// <param name="session">The read session.</param>
    /// <param name="table">The resource table.</param>
    /// <param name="type">The resource type, for the filter's and the sort's attributes.</param>
    /// <param name="query">The filter, order and page.</param>
    /// <param name="keep">
    /// Given the page's rows, how many of them the page returns (a page may end early: its
    /// members would not fit one response); the next page starts after the last one kept.
    /// </param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public async Task<ScimResult<ListedPage>> ListAsync(
        SqlSession session, ResourceTable table, ResourceTypeDefinition type, ListQuery query, Func<IReadOnlyList<ResourceRow>, Task<int>>? keep, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var a = table.Alias;
        var where = $"{a}.tenant_id = {SqlParameters.Tenant}";
        if (query.Filter is not null)
        {
            var condition = translator.Translate(query.Filter, table, type, parameters);
            if (!condition.IsSuccess)
            {
                return condition.Error;
            }

            where += $" AND {condition.Value}";
        }

        string? sortKey = null;
        if (query.SortBy is not null)
        {
            var key = translator.TranslateSortKey(query.SortBy, table, type, parameters);
            if (!key.IsSuccess)
            {
                return key.Error;
            }

            // Sorting by id is the default order itself.
            sortKey = key.Value == table.Qualified("id") ? null : key.Value;
        }

        var descending = query.SortBy is not null && query.SortOrder == SortOrder.Descending;
        var order = Order(sortKey, table.Qualified("id"), descending);
        var count = Math.Max(0, query.Count);
        var cursorPaging = query.Cursor is not null;
        var filterText = query.Filter is null ? "" : FilterFormatter.Format(query.Filter);
        var fingerprint = cursorPaging ? ListCursor.QueryFingerprint(QueryText(table, session.TenantId, filterText, query)) : [];
        var offset = cursorPaging ? 0 : Math.Max(1, query.StartIndex) - 1;

        // Read before the page: a write committed meanwhile moves it past what is remembered here.
        var generation = listings.Generation(session.TenantId);
        var walk = cursorPaging ? null : QueryText(table, tenant: null, filterText, query);

        var keyset = "";
        if (!string.IsNullOrEmpty(query.Cursor))
        {
            var cursor = ListCursor.Decode(query.Cursor, fingerprint);
            if (!cursor.IsSuccess)
            {
                return cursor.Error;
            }

            keyset = " AND " + Keyset(cursor.Value, sortKey, table.Qualified("id"), descending, parameters, session.Dialect);
        }

        // The previous page of this walk ended right before this one: start after its last row.
        var skipped = offset;
        if (walk is not null && offset > 0 && count > 0 && listings.FindBookmark(session.TenantId, walk, offset, generation) is { } bookmark)
        {
            keyset = " AND " + Keyset(bookmark, sortKey, table.Qualified("id"), descending, parameters, session.Dialect);
            skipped = 0;
        }

        var rows = new List<(ResourceRow Row, object? Key)>();
        if (count > 0)
        {
            var limit = parameters.Add(cursorPaging ? count + 1L : count);
            var skip = parameters.Add((long)skipped);
            var sortColumn = sortKey is null ? "" : $", {sortKey} AS sort_key";
            var sql = skipped < DeferredJoinFrom
                ? $"SELECT {Qualify(a)}{sortColumn} FROM {table.Name} AS {a} WHERE {where}{keyset} ORDER BY {order} LIMIT {limit} OFFSET {skip}"
                : $"SELECT {Qualify(a)}{sortColumn} FROM {table.Name} AS {a} WHERE {a}.tenant_id = {SqlParameters.Tenant} AND {a}.id IN " +
                  $"(SELECT {a}.id FROM {table.Name} AS {a} WHERE {where} ORDER BY {order} LIMIT {limit} OFFSET {skip}) ORDER BY {order}";
            var dialect = session.Dialect;
            rows = await session.QueryAsync(sql, parameters, reader => (Read(reader, dialect), sortKey is null ? null : reader.GetValue(5)), cancellationToken);
        }

        // Everything below that says how many rows there are reads what the query gave, before a page ends early.
        var read = rows.Count;
        var more = cursorPaging && read > count;
        if (more)
        {
            rows.RemoveRange(count, rows.Count - count);
        }

        var ended = false;
        if (keep is not null && rows.Count > 0 && await keep([.. rows.Select(r => r.Row)]) is var kept && kept < rows.Count)
        {
            rows.RemoveRange(kept, rows.Count - kept);
            ended = true;
        }

        string? next = null;
        if (cursorPaging && (more || ended))
        {
            var (last, key) = rows[^1];
            next = After(last.Id, key).Encode(fingerprint);
        }
        else if (walk is not null && count > 0 && (read == count || ended))
        {
            var (last, key) = rows[^1];
            listings.RememberBookmark(session.TenantId, walk, offset + rows.Count, After(last.Id, key), generation);
        }

        int total;
        if (count > 0 && (keyset.Length == 0 || skipped != offset) && !more && read < count + (cursorPaging ? 1 : 0) && (read > 0 || offset == 0))
        {
            // The query ended before the limit: it shows how many there are.
            total = offset + read;
        }
        else
        {
            var countQuery = table.Name + "\n" + filterText;
            var counted = await listings.CountAsync(session.TenantId, countQuery, async () => Convert.ToInt64(
                await session.ScalarAsync($"SELECT COUNT(*) FROM {table.Name} AS {a} WHERE {where}", parameters, cancellationToken), CultureInfo.InvariantCulture));
            total = checked((int)counted);
        }

        return new ListedPage([.. rows.Select(r => r.Row)], total, cursorPaging ? 1 : offset + 1, next);
    }

    public static ResourceRow Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        reader.GetInt64(1),
        dialect.ReadTimestamp(reader, 2),
        dialect.ReadTimestamp(reader, 3),
        reader.GetString(4));

    /// <summary>The row columns <see cref="Read"/> expects, qualified with an alias.</summary>
    public static string Qualify(string alias) =>
        string.Join(", ", Columns.Split(", ").Select(c => $"{alias}.{c}"));

    // Null sort keys sort after every value, so descending is the exact reverse of ascending.
    private static string Order(string? key, string id, bool descending)
    {
        var direction = descending ? " DESC" : "";
        return key is null ? $"{id}{direction}" : $"({key}) IS NULL{direction}, {key}{direction}, {id}{direction}";
    }

    private static string Keyset(ListCursor cursor, string? key, string id, bool descending, SqlParameters parameters, ISqlDialect dialect)
    {
        var after = descending ? "<" : ">";
        var lastId = parameters.Add(dialect.Key(cursor.LastId));
        if (key is null)
        {
            return $"{id} {after} {lastId}";
        }

        if (cursor.KeyIsNull)
        {
            return descending ? $"(({key}) IS NOT NULL OR {id} < {lastId})" : $"(({key}) IS NULL AND {id} > {lastId})";
        }

        var value = parameters.Add(cursor.Key);
        return descending
            ? $"(({key}) IS NOT NULL AND (({key}) < {value} OR (({key}) = {value} AND {id} < {lastId})))"
            : $"(({key}) IS NULL OR ({key}) > {value} OR (({key}) = {value} AND {id} > {lastId}))";
    }

    private static ListCursor After(Guid lastId, object? key) => new(key is null or DBNull, key is DBNull ? null : key, lastId);

    // What decides which rows a listing holds and in what order: the table, the filter and the sort,
    // not the page (where the first N rows end does not depend on how they were paged). Cursors are
    // bound to it with the tenant; page bookmarks, kept per tenant already, without.
    private static string QueryText(ResourceTable table, Guid? tenant, string filterText, ListQuery query) => string.Join('\n',
        new[]
        {
            table.Name,
            tenant?.ToString(),
            filterText,
            query.SortBy?.ToString().ToUpperInvariant() ?? "",
            query.SortOrder.ToString(),
        }.OfType<string>());
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Roster.Directory.Tenants;

/// <summary>
/// The tables that hold a tenant's rows, read from the EF model rather than listed by hand, so a
/// table added later is deleted with its tenant too: every table with a <c>tenant_id</c> except
/// <c>operator_events</c>, the operator's own record, which outlives the tenant. Ordered so that
/// a table comes before every table its foreign keys point to (children first): the order to
/// delete them in.
/// </summary>
public static class TenantRows
{
    /// <summary>Tables with a <c>tenant_id</c> that are not the tenant's: kept when it is deleted.</summary>
    public static IReadOnlySet<string> Kept { get; } = new HashSet<string>(StringComparer.Ordinal) { "operator_events" };

    public static IReadOnlyList<string> TablesInDeleteOrder(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var owned = model.GetEntityTypes()
            .Where(e => e.GetTableName() is { } table && !Kept.Contains(table) && e.FindProperty("TenantId") is not null)
            .ToList();
        var tables = owned.Select(e => e.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var pointsTo = owned
            .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(e => e.GetForeignKeys()).Select(fk => fk.PrincipalEntityType.GetTableName()!).Where(t => tables.Contains(t) && t != g.Key).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

        // A table is deleted once no table still left points to it.
        var order = new List<string>();
        var left = new SortedSet<string>(tables, StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => !left.Any(other => other != t && pointsTo[other].Contains(t)))
                ?? throw new InvalidOperationException("The tenant's tables point to each other in a cycle: " + string.Join(", ", left));
            order.Add(next);
            left.Remove(next);
        }

        return order;
    }
}

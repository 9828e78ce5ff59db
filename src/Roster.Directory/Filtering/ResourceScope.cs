using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// Paths relative to a resource row: indexed columns first, derived memberships
/// (<c>members</c> of a group, <c>groups</c> of a user) from <c>group_members</c>, and the
/// JSON document for everything else, extension attributes under their schema URN.
/// </summary>
internal sealed class ResourceScope(SqlTranslation sql, ResourceTable table, ResourceTypeDefinition type) : FilterScope
{
    private string Document => table.Qualified("document");

    public override FilterOperand Resolve(AttributePath path)
    {
        var (schema, attribute, sub, core) = Lookup(path);
        var text = path.ToString();

        // A never-returned attribute (password) is not stored, and a filter on it would let a
        // client probe for values: refuse it rather than answer an always-empty list.
        if ((sub ?? attribute).Returned == Returned.Never || attribute.Returned == Returned.Never)
        {
            throw new Scim.Errors.ScimException(Scim.Errors.ScimError.InvalidFilter($"The attribute '{text}' is never returned and cannot be used in a filter."));
        }

        if (core)
        {
            var column = table.FindColumn(attribute.Name, sub?.Name);
            if (column is not null)
            {
                return ColumnOperand(column, sub ?? attribute, text);
            }

            if (string.Equals(attribute.Name, "meta", StringComparison.OrdinalIgnoreCase))
            {
                return sub is not null && string.Equals(sub.Name, "resourceType", StringComparison.OrdinalIgnoreCase)
                    ? new ConstantOperand(sub, text, type.Name)
                    : throw new Scim.Errors.ScimException(Scim.Errors.ScimError.InvalidFilter($"The attribute '{text}' cannot be used in a filter."));
            }

            if (table.Kind == ResourceKind.Group && string.Equals(attribute.Name, "members", StringComparison.OrdinalIgnoreCase))
            {
                return Members(attribute, sub, text);
            }

            if (table.Kind == ResourceKind.User && string.Equals(attribute.Name, "groups", StringComparison.OrdinalIgnoreCase))
            {
                return Memberships(attribute, sub, text);
            }
        }

        var documentPath = core ? new DocumentPath(attribute.Name) : new DocumentPath(schema.Id, attribute.Name);
        if (attribute.MultiValued)
        {
            return JsonCollection(attribute, sub, text, documentPath, core);
        }

        if (attribute.Type == AttributeType.Complex && sub is null)
        {
            return new ComplexOperand(attribute, text, new JsonObjectScope(sql, Document, documentPath, attribute),
                sql.Dialect.JsonPresent(Document, documentPath));
        }

        var valuePath = sub is null ? documentPath : documentPath.Append(sub.Name);
        var target = sub ?? attribute;
        return new ScalarOperand(target, text, sql.Dialect.JsonValue(Document, valuePath, target.Type), null,
            ScalarKind.Value, Nullable: true, sql.Dialect.JsonPresent(Document, valuePath));
    }

    private (SchemaDefinition Schema, AttributeDefinition Attribute, AttributeDefinition? Sub, bool Core) Lookup(AttributePath path)
    {
        var resolution = type.Resolve(path) ?? throw Undefined(path.ToString(), $"{type.Name} resources");
        return (resolution.Schema, resolution.Attribute, resolution.SubAttribute, resolution.IsCoreSchema(type));
    }

    private ScalarOperand ColumnOperand(IndexedColumn column, AttributeDefinition definition, string text)
    {
        var sqlColumn = table.Qualified(column.Column);
        var folded = column.FoldedColumn is null ? null : table.Qualified(column.FoldedColumn);
        var kind = column.Kind switch
        {
            ColumnKind.Key => ScalarKind.Key,
            ColumnKind.Timestamp => ScalarKind.Timestamp,
            ColumnKind.Version => ScalarKind.Version,
            _ => ScalarKind.Value,
        };
        var present = !column.Nullable
            ? (column.Kind == ColumnKind.Text ? $"{sqlColumn} <> ''" : sql.True)
            : column.Kind == ColumnKind.Text ? $"({sqlColumn} IS NOT NULL AND {sqlColumn} <> '')" : $"{sqlColumn} IS NOT NULL";
        return new ScalarOperand(definition, text, sqlColumn, folded, kind, column.Nullable, present, column.PreparedKey);
    }

    private CollectionOperand JsonCollection(AttributeDefinition attribute, AttributeDefinition? sub, string text, DocumentPath path, bool core)
    {
        var alias = sql.NewAlias("e");
        IndexedLookup? lookup = null;
        var emailValue = attribute.FindSubAttribute("value");
        if (core && table.Kind == ResourceKind.User && string.Equals(attribute.Name, "emails", StringComparison.OrdinalIgnoreCase)
            && emailValue is { CaseExact: false })
        {
            // emails.value is indexed through user_emails (ARCHITECTURE decision 1): IdPs match accounts by email.
            lookup = new IndexedLookup("value", literal => literal.Kind != FilterLiteralKind.String ? null
                : $"{table.Qualified("id")} IN (SELECT ue.user_id FROM user_emails AS ue WHERE ue.tenant_id = {SqlParameters.Tenant} AND ue.value_key = {sql.Add(CaseFolding.Fold(literal.Text!))})");
        }

        return new CollectionOperand(attribute, text, sql.Dialect.JsonElements(Document, path, alias), null,
            new JsonElementScope(sql, alias, attribute), sub?.Name, sql.Dialect.JsonPresent(Document, path), lookup, Sortable: true);
    }

    private CollectionOperand Members(AttributeDefinition attribute, AttributeDefinition? sub, string text)
    {
        var alias = sql.NewAlias("m");
        var id = table.Qualified("id");
        var lookup = new IndexedLookup("value", literal => KeyLiteral(literal) is not { } member ? null
            : $"{id} IN (SELECT mv.group_id FROM group_members AS mv WHERE mv.tenant_id = {SqlParameters.Tenant} AND mv.member_id = {sql.Add(sql.Dialect.Key(member))})");
        return new CollectionOperand(attribute, text, $"group_members AS {alias}",
            $"{alias}.tenant_id = {SqlParameters.Tenant} AND {alias}.group_id = {id}",
            new MemberScope(sql, alias, attribute), sub?.Name,
            $"EXISTS (SELECT 1 FROM group_members AS mp WHERE mp.tenant_id = {SqlParameters.Tenant} AND mp.group_id = {id})",
            lookup, Sortable: false);
    }

    // A user's groups are its direct memberships and the groups they are nested in
    // (RoleGrants.GroupNesting), so "groups.value eq X" finds the members of X and of the groups in it.
    private CollectionOperand Memberships(AttributeDefinition attribute, AttributeDefinition? sub, string text)
    {
        var alias = sql.NewAlias("m");
        var id = table.Qualified("id");
        var lookup = new IndexedLookup("value", literal => KeyLiteral(literal) is not { } group ? null
            : $"{id} IN ({RoleGrants.GroupNesting.UsersBelow(sql.Add(sql.Dialect.Key(group)))})");
        return new CollectionOperand(attribute, text, $"{RoleGrants.GroupNesting.ReachedGroups(id)} AS {alias}",
            null,
            new MembershipScope(sql, alias, attribute), sub?.Name,
            $"EXISTS (SELECT 1 FROM group_members AS mp WHERE mp.tenant_id = {SqlParameters.Tenant} AND mp.member_id = {id})",
            lookup, Sortable: false);
    }

    private static Guid? KeyLiteral(FilterLiteral literal) =>
        literal.Kind == FilterLiteralKind.String && Guid.TryParse(literal.Text, out var key) ? key : null;
}

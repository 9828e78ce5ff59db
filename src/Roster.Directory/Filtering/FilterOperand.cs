using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>What a filter's attribute path stands for in SQL.</summary>
/// <param name="Definition">The attribute (or sub-attribute) the path resolved to.</param>
/// <param name="PathText">The path as the client wrote it, for error details.</param>
internal abstract record FilterOperand(AttributeDefinition Definition, string PathText);

/// <summary>How a scalar operand holds its value.</summary>
internal enum ScalarKind
{
    /// <summary>A plain SQL value (text, number, boolean, normalised dateTime text).</summary>
    Value,

    /// <summary>A GUID key column.</summary>
    Key,

    /// <summary>A time column bound with <see cref="ISqlDialect.Timestamp"/>.</summary>
    Timestamp,

    /// <summary>The version column.</summary>
    Version,
}

/// <summary>One value per row: a column, a JSON scalar, or a correlated sub-select.</summary>
/// <param name="Definition">The attribute the value belongs to.</param>
/// <param name="PathText">The path as written.</param>
/// <param name="Sql">The expression.</param>
/// <param name="FoldedSql">An already case-folded twin of the expression, if the table keeps one.</param>
/// <param name="Kind">How the value is held.</param>
/// <param name="Nullable">False when the expression is never NULL.</param>
/// <param name="Present">A condition, never NULL, for <c>pr</c>.</param>
/// <param name="PreparedKey">True when <paramref name="FoldedSql"/> holds <see cref="CaseFolding.UserNameKey"/> rather than <see cref="CaseFolding.Fold"/>.</param>
internal sealed record ScalarOperand(
    AttributeDefinition Definition,
    string PathText,
    string Sql,
    string? FoldedSql,
    ScalarKind Kind,
    bool Nullable,
    string Present,
    bool PreparedKey = false) : FilterOperand(Definition, PathText);

/// <summary>A value known without reading the row, e.g. <c>meta.resourceType</c>.</summary>
internal sealed record ConstantOperand(AttributeDefinition Definition, string PathText, string Value)
    : FilterOperand(Definition, PathText);

/// <summary>A single-valued complex attribute, e.g. <c>name</c>, whose sub-attributes <see cref="Members"/> resolves.</summary>
internal sealed record ComplexOperand(AttributeDefinition Definition, string PathText, FilterScope Members, string Present)
    : FilterOperand(Definition, PathText);

/// <summary>
/// A multi-valued attribute: rows of <see cref="From"/> (JSON array elements or membership rows),
/// matched when at least one element satisfies a condition over <see cref="Elements"/>.
/// </summary>
/// <param name="Definition">The multi-valued attribute.</param>
/// <param name="PathText">The path as written.</param>
/// <param name="From">The FROM item listing the elements.</param>
/// <param name="Correlation">The condition tying elements to the outer row, if <see cref="From"/> does not already.</param>
/// <param name="Elements">Resolves element sub-attributes (or the element itself, by an empty name).</param>
/// <param name="SubAttribute">The sub-attribute the path named (<c>emails.value</c>), if any.</param>
/// <param name="Present">A condition for <c>attr pr</c>.</param>
/// <param name="Lookup">An index seek for <c>sub eq value</c>, when one exists.</param>
/// <param name="Sortable">False for derived memberships, which cannot be sorted on.</param>
internal sealed record CollectionOperand(
    AttributeDefinition Definition,
    string PathText,
    string From,
    string? Correlation,
    FilterScope Elements,
    string? SubAttribute,
    string Present,
    IndexedLookup? Lookup,
    bool Sortable) : FilterOperand(Definition, PathText);

/// <summary>
/// An index seek that answers <c>sub eq value</c> over a collection faster than scanning
/// elements, e.g. <c>emails.value</c> through <c>user_emails</c>.
/// </summary>
/// <param name="SubAttribute">The sub-attribute the seek answers for.</param>
/// <param name="Build">Builds the condition from the literal; null when the literal cannot match the index.</param>
internal sealed record IndexedLookup(string SubAttribute, Func<Scim.Filtering.FilterLiteral, string?> Build);

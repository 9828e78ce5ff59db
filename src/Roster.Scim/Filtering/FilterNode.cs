namespace Roster.Scim.Filtering;

/// <summary>A node of a parsed SCIM filter (RFC 7644 section 3.4.2.2).</summary>
public abstract record FilterNode;

/// <summary><c>left and right</c> or <c>left or right</c>.</summary>
public sealed record LogicalFilter(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode
{
    /// <summary>
    /// The operands of this node and of the nodes below it that use the same operator, left to
    /// right: <c>a or b or c</c> (parsed as <c>(a or b) or c</c>) gives a, b, c. A filter of
    /// 10,000 characters can chain about 1,100 terms, so evaluators and SQL translators walk
    /// this list instead of recursing once per term; the SQL translation writes it as halves in
    /// parentheses, since SQLite refuses expressions deeper than 1,000 even when written flat.
    /// </summary>
    public IReadOnlyList<FilterNode> FlattenOperands()
    {
        var operands = new List<FilterNode>();
        var pending = new Stack<FilterNode>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is LogicalFilter logical && logical.Operator == Operator)
            {
                pending.Push(logical.Right);
                pending.Push(logical.Left);
            }
            else
            {
                operands.Add(node);
            }
        }

        return operands;
    }
}

/// <summary>The logical operators.</summary>
public enum LogicalOperator
{
    /// <summary><c>and</c>: true when both operands are true; binds tighter than <c>or</c> (RFC 7644 section 3.4.2.2).</summary>
    And,
    /// <summary><c>or</c>: true when either operand is true.</summary>
    Or,
}

/// <summary><c>not (inner)</c>.</summary>
public sealed record NotFilter(FilterNode Inner) : FilterNode;

/// <summary><c>attrPath op compValue</c>, e.g. <c>userName eq "bjensen"</c>.</summary>
public sealed record ComparisonFilter(AttributePath Attribute, ComparisonOperator Operator, FilterLiteral Value) : FilterNode;

/// <summary><c>attrPath pr</c>: the attribute has a non-empty value.</summary>
public sealed record PresentFilter(AttributePath Attribute) : FilterNode;

/// <summary>
/// A complex attribute filter, <c>emails[type eq "work" and value co "@example.com"]</c>: true
/// when at least one value of the multi-valued (or complex) attribute matches
/// <see cref="Filter"/>, whose paths are relative to that value (their
/// <see cref="AttributePath.Name"/> is the sub-attribute).
/// </summary>
public sealed record ValuePathFilter(AttributePath Attribute, FilterNode Filter) : FilterNode;

using System.Globalization;
using System.Text;

namespace Roster.Scim.Filtering;

/// <summary>
/// Writes a <see cref="FilterNode"/> back as canonical SCIM filter text: operators in lower
/// case, an <c>and</c>/<c>or</c> in parentheses only when it is an operand of another one
/// (<c>a and (b or c)</c>, <c>(a and b) or c</c>), strings as JSON with only the escapes JSON
/// requires (so <c>"O'Malley"</c> stays readable).
/// </summary>
public static class FilterFormatter
{
    /// <summary>The filter as text that <see cref="FilterParser"/> parses back to an equal tree.</summary>
    public static string Format(FilterNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    /// <summary>The operator's two-letter SCIM name.</summary>
    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.Contains => "co",
        ComparisonOperator.StartsWith => "sw",
        ComparisonOperator.EndsWith => "ew",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.LessThanOrEqual => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The literal as filter text: a JSON string, number, boolean or <c>null</c>.</summary>
    public static string FormatLiteral(FilterLiteral literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal.Kind switch
        {
            FilterLiteralKind.String => QuoteString(literal.Text ?? ""),
            FilterLiteralKind.Number => literal.Number!.Value.ToString(CultureInfo.InvariantCulture),
            FilterLiteralKind.Boolean => literal.Boolean!.Value ? "true" : "false",
            _ => "null",
        };
    }

    /// <summary>
    /// Writes <paramref name="node"/>; a logical node is wrapped in parentheses only when
    /// <paramref name="nested"/> (an operand of another logical node). The top level, the inside
    /// of <c>not (...)</c> and of brackets need none.
    /// </summary>
    private static void Write(FilterNode node, StringBuilder text, bool nested = false)
    {
        switch (node)
        {
            case LogicalFilter logical:
                // A left-leaning chain (a or b or c parses as (a or b) or c) is written flat and
                // without recursing per term: a 10,000-character filter holds over a thousand.
                var separator = logical.Operator == LogicalOperator.And ? " and " : " or ";
                var rights = new List<FilterNode>();
                FilterNode leftmost = logical;
                while (leftmost is LogicalFilter link && link.Operator == logical.Operator)
                {
                    rights.Add(link.Right);
                    leftmost = link.Left;
                }

                if (nested)
                {
                    text.Append('(');
                }

                Write(leftmost, text, nested: true);
                for (var i = rights.Count - 1; i >= 0; i--)
                {
                    text.Append(separator);
                    Write(rights[i], text, nested: true);
                }

                if (nested)
                {
                    text.Append(')');
                }

                break;
            case NotFilter not:
                text.Append("not (");
                Write(not.Inner, text);
                text.Append(')');
                break;
            case ComparisonFilter comparison:
                text.Append(comparison.Attribute).Append(' ')
                    .Append(OperatorText(comparison.Operator)).Append(' ')
                    .Append(FormatLiteral(comparison.Value));
                break;
            case PresentFilter present:
                text.Append(present.Attribute).Append(" pr");
                break;
            case ValuePathFilter valuePath:
                text.Append(valuePath.Attribute).Append('[');
                Write(valuePath.Filter, text);
                text.Append(']');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    private static string QuoteString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '\r':
                    text.Append(@"\r");
                    break;
                case '\t':
                    text.Append(@"\t");
                    break;
                default:
                    var lonelySurrogate = char.IsSurrogate(c)
                        && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || lonelySurrogate)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}

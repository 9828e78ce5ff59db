using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>
/// The recursive-descent reader behind <see cref="FilterParser"/>, following the grammar of RFC
/// 7644 section 3.4.2.2 with the precedence <c>not</c> over <c>and</c> over <c>or</c>, both
/// left-associative. Errors are thrown as <see cref="ScimException"/> and caught by the parser.
/// </summary>
internal sealed partial class FilterExpressionReader
{
    private const string ValueKinds = "a string in double quotes, a number, true, false or null";

    private readonly string source;
    private readonly List<FilterToken> tokens;
    private readonly int maxDepth;
    private readonly int maxTerms;
    private int index;
    private int depth;
    private int terms;
    private int unquotedValueIndex = -1;

    public FilterExpressionReader(string source, int maxDepth, int maxTerms)
    {
        this.source = source;
        this.maxDepth = maxDepth;
        this.maxTerms = maxTerms;
        tokens = FilterLexer.Tokenize(source);
    }

    private FilterToken Current => tokens[index];

    /// <summary>
    /// Reads the whole text as one filter. With <paramref name="valueFilterOwner"/> set, reads
    /// the text inside <c>owner[...]</c>: paths are sub-attributes and brackets cannot nest.
    /// </summary>
    public FilterNode ReadAll(string? valueFilterOwner)
    {
        var node = ReadOr(valueFilterOwner);
        switch (Current.Kind)
        {
            case FilterTokenKind.End:
                return node;
            case FilterTokenKind.CloseParenthesis:
                throw Error(Current, "Unexpected ')': no '(' is open");
            case FilterTokenKind.CloseBracket:
                throw Error(Current, "Unexpected ']': no '[' is open");
            default:
                throw Error(Current, "Expected 'and', 'or' or the end of the filter" + UnquotedValueHint());
        }
    }

    private FilterNode ReadOr(string? owner)
    {
        var left = ReadAnd(owner);
        while (Current.IsKeyword("or"))
        {
            index++;
            left = new LogicalFilter(LogicalOperator.Or, left, ReadAnd(owner));
        }

        return left;
    }

    private FilterNode ReadAnd(string? owner)
    {
        var left = ReadOperand(owner);
        while (Current.IsKeyword("and"))
        {
            index++;
            left = new LogicalFilter(LogicalOperator.And, left, ReadOperand(owner));
        }

        return left;
    }

    private FilterNode ReadOperand(string? owner)
    {
        var token = Current;
        switch (token.Kind)
        {
            case FilterTokenKind.OpenParenthesis:
                return ReadGroup(owner);
            case FilterTokenKind.Word when token.IsKeyword("not"):
                index++;
                if (Current.Kind != FilterTokenKind.OpenParenthesis)
                {
                    throw Error(Current, "Expected '(' after 'not' (RFC 7644 writes not (filter))");
                }

                return new NotFilter(ReadGroup(owner));
            case FilterTokenKind.Word when !token.IsLogicalOperator:
                return ReadAttributeExpression(owner);
            case FilterTokenKind.String:
                throw Error(token, "Expected an attribute name, '(' or 'not' (attribute names are not quoted)");
            default:
                throw Error(token, "Expected an attribute name, '(' or 'not'");
        }
    }

    private FilterNode ReadGroup(string? owner)
    {
        var open = Current;
        Enter(open);
        var inner = ReadOr(owner);
        ExpectClose(FilterTokenKind.CloseParenthesis, open);
        return inner;
    }

    private FilterNode ReadAttributeExpression(string? owner)
    {
        var pathToken = Current;
        var path = ReadPath(pathToken, owner);
        if (Current.Kind == FilterTokenKind.OpenBracket)
        {
            return ReadValuePath(path, pathToken, owner);
        }

        if (++terms > maxTerms)
        {
            throw TooManyTerms();
        }

        var operatorToken = Current;
        if (operatorToken.Kind != FilterTokenKind.Word || !OperatorKeywords.TryParse(operatorToken.Text, out var op))
        {
            throw Error(operatorToken, $"Expected an operator ({OperatorKeywords.List}) after '{FilterSyntaxErrors.Shorten(pathToken.Text)}'");
        }

        index++;
        if (op is null)
        {
            if (Current.Kind == FilterTokenKind.String
                || (Current.Kind == FilterTokenKind.Word && !Current.IsLogicalOperator && !Current.IsKeyword("not")))
            {
                throw Error(Current, $"The 'pr' operator takes no value, but '{FilterSyntaxErrors.Shorten(pathToken.Text)} {operatorToken.Text}' is followed by one");
            }

            return new PresentFilter(path);
        }

        return new ComparisonFilter(path, op.Value, ReadValue(pathToken, operatorToken, op.Value));
    }

    private AttributePath ReadPath(FilterToken token, string? owner)
    {
        if (!AttributePathParser.TryParse(token.Text, out var path, out var problem))
        {
            throw Error(token, "Invalid attribute path: " + problem.TrimEnd('.'));
        }

        if (owner is not null && (path.SchemaUrn is not null || path.SubAttribute is not null))
        {
            var where = owner.Length == 0 ? "Inside a value filter" : $"Inside '{owner}[...]'";
            throw Error(token, $"{where}, paths name a sub-attribute of the filtered attribute, such as 'type' or 'value', not '{FilterSyntaxErrors.Shorten(token.Text)}'");
        }

        index++;
        return path;
    }

    private ValuePathFilter ReadValuePath(AttributePath path, FilterToken pathToken, string? owner)
    {
        var open = Current;
        if (owner is not null)
        {
            throw Error(open, "Value filters cannot be nested: '[' inside a value filter");
        }

        if (path.SubAttribute is not null)
        {
            throw Error(open, $"A value filter applies to a multi-valued attribute, not to the sub-attribute '{FilterSyntaxErrors.Shorten(pathToken.Text)}'");
        }

        Enter(open);
        var inner = ReadOr(FilterSyntaxErrors.Shorten(pathToken.Text));
        ExpectClose(FilterTokenKind.CloseBracket, open);
        if (Current.Kind == FilterTokenKind.Word && Current.Text.StartsWith('.'))
        {
            return new ValuePathFilter(path, new LogicalFilter(LogicalOperator.And, inner, ReadSubAttributeTest(pathToken)));
        }

        return new ValuePathFilter(path, inner);
    }

    /// <summary>
    /// Entra ID's matching query on a multi-valued attribute puts the sub-attribute and its test
    /// after the brackets: <c>emails[type eq "work"].value eq "x@y.com"</c>. RFC 7644's grammar
    /// allows a sub-attribute after ']' only in PATCH paths; the meaning is plain, the value
    /// whose type is work and whose value is x@y.com, so it is read as
    /// <c>emails[type eq "work" and value eq "x@y.com"]</c>. Source: Microsoft Learn, "Tutorial:
    /// Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID" (matching
    /// attributes on multi-valued attributes) and the Entra ID SCIM validator's queries.
    /// </summary>
    private FilterNode ReadSubAttributeTest(FilterToken pathToken)
    {
        var subToken = Current;
        var name = subToken.Text[1..];
        if (!AttributePathParser.IsAttributeName(name))
        {
            throw Error(subToken, $"'{FilterSyntaxErrors.Shorten(subToken.Text)}' after ']' is not a sub-attribute name");
        }

        index++;
        if (++terms > maxTerms)
        {
            throw TooManyTerms();
        }

        var sub = new AttributePath(null, name);
        var operatorToken = Current;
        var label = $"{FilterSyntaxErrors.Shorten(pathToken.Text)}[...]{subToken.Text}";
        if (operatorToken.Kind != FilterTokenKind.Word || !OperatorKeywords.TryParse(operatorToken.Text, out var op))
        {
            throw Error(operatorToken, $"Expected an operator ({OperatorKeywords.List}) after '{FilterSyntaxErrors.Shorten(label)}'");
        }

        index++;
        return op is null
            ? new PresentFilter(sub)
            : new ComparisonFilter(sub, op.Value, ReadValue(subToken, operatorToken, op.Value));
    }

    private FilterLiteral ReadValue(FilterToken pathToken, FilterToken operatorToken, ComparisonOperator op)
    {
        var token = Current;
        var literal = token.Kind switch
        {
            FilterTokenKind.String => FilterLiteral.FromString(token.Text),
            FilterTokenKind.Word when !token.IsLogicalOperator => ReadWordLiteral(token, op),
            _ => throw Error(token, $"Expected a value ({ValueKinds}) after '{FilterSyntaxErrors.Shorten(pathToken.Text)} {operatorToken.Text}'"),
        };

        var isOrdering = op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        if (isOrdering && literal.Kind == FilterLiteralKind.Boolean)
        {
            throw Error(token, $"{FilterFormatter.OperatorText(op)} cannot compare a boolean; only eq and ne can");
        }

        if (isOrdering && literal.Kind == FilterLiteralKind.Null)
        {
            throw Error(token, $"{FilterFormatter.OperatorText(op)} cannot compare to null; only eq and ne can");
        }

        index++;
        return literal;
    }

    private FilterLiteral ReadWordLiteral(FilterToken token, ComparisonOperator op)
    {
        var text = token.Text;
        if (token.IsKeyword("true"))
        {
            return FilterLiteral.True;
        }

        if (token.IsKeyword("false"))
        {
            return FilterLiteral.False;
        }

        if (token.IsKeyword("null"))
        {
            return FilterLiteral.Null;
        }

        if (JsonNumber().IsMatch(text))
        {
            // co, sw and ew only compare strings, so a bare number there (an employee number,
            // a phone prefix) is the string the client meant.
            if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
            {
                return FilterLiteral.FromString(text);
            }

            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? FilterLiteral.FromNumber(number)
                : throw Error(token, $"The number {FilterSyntaxErrors.Shorten(text)} is out of range");
        }

        if (text.StartsWith('\''))
        {
            throw Error(token, "Strings are written in double quotes, not single quotes");
        }

        // Tolerated: an unquoted string value, as in userName eq bjensen@example.com. RFC 7644
        // requires JSON strings; hand-written clients and scripts (curl, PowerShell) leave the
        // quotes out. Neither Okta's nor Entra ID's documented requests do; no public source
        // names an IdP that does. The value ends at the first space, bracket or parenthesis.
        unquotedValueIndex = index;
        return FilterLiteral.FromString(text);
    }

    private void Enter(FilterToken open)
    {
        depth++;
        if (depth > maxDepth)
        {
            throw Error(open, $"The filter nests parentheses and brackets more than {maxDepth} levels deep");
        }

        index++;
    }

    private void ExpectClose(FilterTokenKind kind, FilterToken open)
    {
        if (Current.Kind == kind)
        {
            depth--;
            index++;
            return;
        }

        var (opener, closer) = kind == FilterTokenKind.CloseParenthesis ? ("(", ")") : ("[", "]");
        var opened = $"the '{opener}' at position {open.Position + 1}";
        throw Current.Kind == FilterTokenKind.End
            ? Error(Current, $"Expected '{closer}' to close {opened}")
            : Error(Current, $"Expected 'and', 'or' or '{closer}' to close {opened}" + UnquotedValueHint());
    }

    private string UnquotedValueHint() =>
        unquotedValueIndex == index - 1
            ? " (an unquoted value ends at the first space; put the value in double quotes)"
            : "";

    private ScimException TooManyTerms() => new(ScimError.InvalidFilter(string.Create(
        CultureInfo.InvariantCulture,
        $"The filter has more than {maxTerms:N0} terms (comparisons such as 'userName eq \"x\"' and 'pr' tests, also inside brackets); the limit is {maxTerms:N0}. Split it into several requests.")));

    private ScimException Error(FilterToken token, string message) => FilterSyntaxErrors.At(source, token, message);

    /// <summary>A JSON number (RFC 8259 section 6).</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}

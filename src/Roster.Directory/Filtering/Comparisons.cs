using System.Globalization;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// <c>attr op value</c> for one scalar, by the attribute's type: strings honour caseExact
/// (both sides folded otherwise), dateTimes compare as instants, numbers as numbers, booleans
/// only with eq/ne. <c>ne</c> arrives here only with <c>null</c>; otherwise it is "not eq".
/// </summary>
internal sealed class Comparisons(SqlTranslation sql)
{
    private ISqlDialect Dialect => sql.Dialect;

    public string Scalar(ScalarOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        if (literal.Kind == FilterLiteralKind.Null)
        {
            return op switch
            {
                ComparisonOperator.Equal => $"(NOT {operand.Present})",
                ComparisonOperator.NotEqual => operand.Present,
                _ => throw Invalid($"null can only be compared with eq or ne, not with '{Text(op)}'."),
            };
        }

        var definition = operand.Definition;
        return definition.Type switch
        {
            AttributeType.Boolean => Boolean(operand, op, literal),
            AttributeType.Integer or AttributeType.Decimal => Number(operand, op, literal),
            AttributeType.DateTime => DateTime(operand, op, literal),
            AttributeType.Complex => throw Invalid($"The operator '{Text(op)}' cannot be applied to the complex attribute '{operand.PathText}'."),
            _ => String(operand, op, literal),
        };
    }

    public string Constant(ConstantOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        if (literal.Kind == FilterLiteralKind.Null)
        {
            return op == ComparisonOperator.NotEqual ? sql.True : sql.False;
        }

        var text = RequireString(operand.PathText, literal);
        var comparison = operand.Definition.CaseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var matches = op switch
        {
            ComparisonOperator.Equal => string.Equals(operand.Value, text, comparison),
            ComparisonOperator.NotEqual => !string.Equals(operand.Value, text, comparison),
            ComparisonOperator.Contains => operand.Value.Contains(text, comparison),
            ComparisonOperator.StartsWith => operand.Value.StartsWith(text, comparison),
            ComparisonOperator.EndsWith => operand.Value.EndsWith(text, comparison),
            ComparisonOperator.GreaterThan => string.Compare(operand.Value, text, comparison) > 0,
            ComparisonOperator.GreaterThanOrEqual => string.Compare(operand.Value, text, comparison) >= 0,
            ComparisonOperator.LessThan => string.Compare(operand.Value, text, comparison) < 0,
            _ => string.Compare(operand.Value, text, comparison) <= 0,
        };
        return matches ? sql.True : sql.False;
    }

    private string Boolean(ScalarOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            throw Invalid($"The operator '{Text(op)}' cannot be applied to the boolean attribute '{operand.PathText}'; use eq or ne.");
        }

        // Booleans sent as strings ("True") are an Entra ID habit in PATCH bodies; accept them in filters too.
        bool? value = literal.Kind switch
        {
            FilterLiteralKind.Boolean => literal.Boolean,
            FilterLiteralKind.String when bool.TryParse(literal.Text, out var parsed) => parsed,
            _ => null,
        };
        if (value is null)
        {
            throw Invalid($"'{operand.PathText}' is a boolean; compare it with true or false, not {literal}.");
        }

        return Guarded(operand, operand.Sql, $"{operand.Sql} = {sql.Add(Dialect.BooleanValue(value.Value))}");
    }

    private string Number(ScalarOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            throw Invalid($"The operator '{Text(op)}' cannot be applied to the number attribute '{operand.PathText}'.");
        }

        // A quoted number ("42") is read as the number, as FilterEvaluator does.
        decimal? number = literal.Kind switch
        {
            FilterLiteralKind.Number => literal.Number,
            FilterLiteralKind.String when decimal.TryParse(literal.Text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (number is null)
        {
            throw Invalid($"'{operand.PathText}' is a number; compare it with a number, not {literal}.");
        }

        return Guarded(operand, operand.Sql, $"{operand.Sql} {Symbol(op)} {sql.Add(Dialect.Number(number.Value))}");
    }

    private string DateTime(ScalarOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith)
        {
            // Substring tests on a dateTime look at its text ("meta.created sw \"2024-05\""), as FilterEvaluator does.
            var text = operand.Kind == ScalarKind.Timestamp ? Dialect.TimestampText(operand.Sql) : operand.Sql;
            return String(operand with { Sql = text, Kind = ScalarKind.Value }, op, literal);
        }

        if (literal.Kind != FilterLiteralKind.String || !ScimDateTime.TryParse(literal.Text, out var instant))
        {
            throw Invalid($"'{operand.PathText}' is a dateTime; compare it with a quoted xsd:dateTime such as \"2024-01-31T09:00:00Z\", not {literal}.");
        }

        // Stored times have whole milliseconds. Against a literal with a finer remainder, no stored
        // time is equal, "> x" and ">= x" mean "> x cut to milliseconds", "< x" and "<= x" mean "<= it".
        var truncated = ScimDateTime.Truncate(instant);
        if (truncated != instant)
        {
            switch (op)
            {
                case ComparisonOperator.Equal:
                    return sql.False;
                case ComparisonOperator.GreaterThanOrEqual:
                    op = ComparisonOperator.GreaterThan;
                    break;
                case ComparisonOperator.LessThan:
                    op = ComparisonOperator.LessThanOrEqual;
                    break;
            }
        }

        var expression = operand.Kind == ScalarKind.Timestamp ? operand.Sql : Dialect.Instant(operand.Sql);
        var value = operand.Kind == ScalarKind.Timestamp ? Dialect.Timestamp(truncated) : ScimDateTime.ToText(truncated);
        return Guarded(operand, expression, $"{expression} {Symbol(op)} {sql.Add(value)}");
    }

    private string String(ScalarOperand operand, ComparisonOperator op, FilterLiteral literal)
    {
        var text = RequireString(operand.PathText, literal);
        switch (operand.Kind)
        {
            case ScalarKind.Key when op == ComparisonOperator.Equal:
                return Guid.TryParse(text, out var key) ? $"{operand.Sql} = {sql.Add(Dialect.Key(key))}" : sql.False;
            case ScalarKind.Version:
                if (op != ComparisonOperator.Equal)
                {
                    throw Invalid($"'{operand.PathText}' can only be compared with eq or ne.");
                }

                return ResourceVersion.FromETag(text) is { } version ? $"{operand.Sql} = {sql.Add(version)}" : sql.False;
        }

        var expression = operand.Kind == ScalarKind.Key ? Dialect.KeyText(operand.Sql) : operand.Sql;
        var caseInsensitive = !operand.Definition.CaseExact;
        if (caseInsensitive)
        {
            expression = operand.FoldedSql ?? Dialect.Fold(expression);
            text = operand.PreparedKey ? CaseFolding.UserNameKey(text) : CaseFolding.Fold(text);
        }

        var parameter = sql.Add(text);
        var condition = op switch
        {
            ComparisonOperator.Contains => Dialect.Contains(expression, parameter),
            ComparisonOperator.StartsWith => Dialect.StartsWith(expression, parameter),
            ComparisonOperator.EndsWith => Dialect.EndsWith(expression, parameter),
            _ => $"{expression} {Symbol(op)} {parameter}",
        };
        return Guarded(operand, expression, condition);
    }

    // A nullable operand's comparison would be NULL for rows without the value; make it false,
    // so that "not (...)" is exactly the complement.
    private static string Guarded(ScalarOperand operand, string expression, string condition) =>
        operand.Nullable ? $"({expression} IS NOT NULL AND {condition})" : condition;

    // externalId eq 12345: the client meant the string it did not quote (as FilterEvaluator reads it).
    private static string RequireString(string path, FilterLiteral literal) => literal.Kind switch
    {
        FilterLiteralKind.String => literal.Text!,
        FilterLiteralKind.Number => literal.Number!.Value.ToString(CultureInfo.InvariantCulture),
        _ => throw Invalid($"'{path}' is a string; compare it with a quoted string, not {literal}."),
    };

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Text(ComparisonOperator op) => FilterFormatter.OperatorText(op);

    private static ScimException Invalid(string detail) => new(ScimError.InvalidFilter(detail));
}

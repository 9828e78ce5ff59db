using System.Globalization;

namespace Roster.Scim.Filtering;

/// <summary>The kind of a <see cref="FilterLiteral"/>.</summary>
public enum FilterLiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// The comparison value of a filter (<c>compValue</c> in RFC 7644): a string, a number, a
/// boolean or null. Strings that look like dateTimes stay strings; the attribute's schema type
/// decides how they compare.
/// </summary>
public sealed record FilterLiteral
{
    private FilterLiteral(FilterLiteralKind kind, string? text, decimal? number, bool? boolean)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Boolean = boolean;
    }

    public FilterLiteralKind Kind { get; }

    /// <summary>The string value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The numeric value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.Number"/>.</summary>
    public decimal? Number { get; }

    /// <summary>The boolean value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.Boolean"/>.</summary>
    public bool? Boolean { get; }

    public static FilterLiteral Null { get; } = new(FilterLiteralKind.Null, null, null, null);

    public static FilterLiteral True { get; } = new(FilterLiteralKind.Boolean, null, null, true);

    public static FilterLiteral False { get; } = new(FilterLiteralKind.Boolean, null, null, false);

    public static FilterLiteral FromString(string text) => new(FilterLiteralKind.String, text, null, null);

    public static FilterLiteral FromNumber(decimal number) => new(FilterLiteralKind.Number, null, number, null);

    public static FilterLiteral FromBoolean(bool value) => value ? True : False;

    /// <summary>The literal as SCIM filter text.</summary>
    public override string ToString() => Kind switch
    {
        FilterLiteralKind.String => System.Text.Json.JsonSerializer.Serialize(Text),
        FilterLiteralKind.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        FilterLiteralKind.Boolean => Boolean!.Value ? "true" : "false",
        _ => "null",
    };
}

using System.Globalization;

namespace Roster.Scim.Filtering;

/// <summary>The kind of a <see cref="FilterLiteral"/>.</summary>
public enum FilterLiteralKind
{
    /// <summary>A JSON string (RFC 7644 section 3.4.2.2 <c>compValue</c>); also how dateTimes and references arrive.</summary>
    String,
    /// <summary>A JSON number; compared with decimal and integer attributes.</summary>
    Number,
    /// <summary><c>true</c> or <c>false</c>; only <c>eq</c> and <c>ne</c> apply.</summary>
    Boolean,
    /// <summary><c>null</c>; RFC 7644 section 3.4.2.2 lets it appear as a <c>compValue</c>.</summary>
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

    /// <summary>Which JSON type the <c>compValue</c> was written as; says which of the value properties is set.</summary>
    public FilterLiteralKind Kind { get; }

    /// <summary>The string value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.String"/>.</summary>
    public string? Text { get; }

    /// <summary>The numeric value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.Number"/>.</summary>
    public decimal? Number { get; }

    /// <summary>The boolean value, when <see cref="Kind"/> is <see cref="FilterLiteralKind.Boolean"/>.</summary>
    public bool? Boolean { get; }

    /// <summary>The <c>null</c> literal.</summary>
    public static FilterLiteral Null { get; } = new(FilterLiteralKind.Null, null, null, null);

    /// <summary>The <c>true</c> literal.</summary>
    public static FilterLiteral True { get; } = new(FilterLiteralKind.Boolean, null, null, true);

    /// <summary>The <c>false</c> literal.</summary>
    public static FilterLiteral False { get; } = new(FilterLiteralKind.Boolean, null, null, false);

    /// <summary>A string <c>compValue</c> (already unescaped from its JSON form).</summary>
    public static FilterLiteral FromString(string text) => new(FilterLiteralKind.String, text, null, null);

    /// <summary>A numeric <c>compValue</c>.</summary>
    public static FilterLiteral FromNumber(decimal number) => new(FilterLiteralKind.Number, null, number, null);

    /// <summary>The shared <see cref="True"/> or <see cref="False"/> literal.</summary>
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

namespace Roster.Scim.Schemas;

/// <summary>The wire spelling of attribute characteristics (RFC 7643 section 7).</summary>
public static class CharacteristicNames
{
    /// <summary>Each type by its wire name, for reading definitions.</summary>
    public static IReadOnlyDictionary<string, AttributeType> Types { get; } = Names(System.Enum.GetValues<AttributeType>(), Of);

    /// <summary>Each mutability by its wire name.</summary>
    public static IReadOnlyDictionary<string, Mutability> Mutabilities { get; } = Names(System.Enum.GetValues<Mutability>(), Of);

    /// <summary>Each <c>returned</c> value by its wire name.</summary>
    public static IReadOnlyDictionary<string, Returned> Returns { get; } = Names(System.Enum.GetValues<Returned>(), Of);

    /// <summary>Each uniqueness by its wire name.</summary>
    public static IReadOnlyDictionary<string, Uniqueness> Uniquenesses { get; } = Names(System.Enum.GetValues<Uniqueness>(), Of);

    /// <summary>The wire name of <paramref name="type"/>.</summary>
    public static string Of(AttributeType type) => type switch
    {
        AttributeType.String => "string",
        AttributeType.Boolean => "boolean",
        AttributeType.Decimal => "decimal",
        AttributeType.Integer => "integer",
        AttributeType.DateTime => "dateTime",
        AttributeType.Binary => "binary",
        AttributeType.Reference => "reference",
        AttributeType.Complex => "complex",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The wire name of <paramref name="mutability"/>.</summary>
    public static string Of(Mutability mutability) => mutability switch
    {
        Mutability.ReadWrite => "readWrite",
        Mutability.ReadOnly => "readOnly",
        Mutability.Immutable => "immutable",
        Mutability.WriteOnly => "writeOnly",
        _ => throw new ArgumentOutOfRangeException(nameof(mutability)),
    };

    /// <summary>The wire name of <paramref name="returned"/>.</summary>
    public static string Of(Returned returned) => returned switch
    {
        Returned.Default => "default",
        Returned.Always => "always",
        Returned.Never => "never",
        Returned.Request => "request",
        _ => throw new ArgumentOutOfRangeException(nameof(returned)),
    };

    /// <summary>The wire name of <paramref name="uniqueness"/>.</summary>
    public static string Of(Uniqueness uniqueness) => uniqueness switch
    {
        Uniqueness.None => "none",
        Uniqueness.Server => "server",
        Uniqueness.Global => "global",
        _ => throw new ArgumentOutOfRangeException(nameof(uniqueness)),
    };

    private static Dictionary<string, T> Names<T>(IEnumerable<T> values, Func<T, string> name)
        where T : notnull =>
        values.ToDictionary(name, v => v, StringComparer.Ordinal);
}

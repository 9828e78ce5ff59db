using System.Diagnostics.CodeAnalysis;

namespace Roster.Scim.Schemas;

/// <summary>
/// What <see cref="SchemaExtensionReader.ReadAll"/> makes of a definition: the schema, or every
/// mistake found (at most <see cref="SchemaExtensionReader.MaxErrors"/>), each with its field.
/// </summary>
public sealed record SchemaReading
{
    private SchemaReading(SchemaDefinition? schema, IReadOnlyList<SchemaFieldError> errors)
    {
        Schema = schema;
        Errors = errors;
    }

    /// <summary>The schema, when <see cref="IsSuccess"/>.</summary>
    public SchemaDefinition? Schema { get; }

    /// <summary>Every mistake found, in the order of the definition; empty on success.</summary>
    public IReadOnlyList<SchemaFieldError> Errors { get; }

    /// <summary>True when the definition had no mistake.</summary>
    [MemberNotNullWhen(true, nameof(Schema))]
    public bool IsSuccess => Schema is not null;

    internal static SchemaReading Success(SchemaDefinition schema) => new(schema, []);

    internal static SchemaReading Failure(IReadOnlyList<SchemaFieldError> errors) => new(null, errors);
}

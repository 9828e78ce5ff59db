using System.Globalization;

namespace Roster.Scim.Schemas;

/// <summary>
/// One mistake of a schema extension's definition: the field it is about, as a path into the
/// definition (<c>id</c>, <c>attributes[2].type</c>, <c>attributes[0].subAttributes[1].name</c>),
/// and the sentence that says what is wrong. <see cref="Template"/> and <see cref="Arguments"/>
/// are the sentence's wording and values apart, so that the console can say it in the person's
/// language.
/// </summary>
public sealed record SchemaFieldError(string Field, string Template, IReadOnlyList<object?> Arguments)
{
    /// <summary>The English sentence.</summary>
    public string Detail => string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]);

    internal static SchemaFieldError Of(string field, FormattableString detail) => new(field, detail.Format, detail.GetArguments());
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Roster.Directory.Administration;

/// <summary>
/// The wording of an <see cref="AdminError"/> kept apart from its values, so that the console can
/// say it in the person's language: an interpolated string given to an <see cref="AdminError"/>
/// factory becomes a composite-format <see cref="Template"/> (<c>"There is no role {0} in this
/// organization."</c>, the key a translation is found by) and its <see cref="Arguments"/>. A plain
/// string is a template without arguments.
/// </summary>
[InterpolatedStringHandler]
public ref struct ErrorText
{
    private readonly StringBuilder _template;
    private readonly List<object?> _arguments;

    public ErrorText(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + (formattedCount * 4));
        _arguments = new List<object?>(formattedCount);
    }

    public readonly string Template => _template?.ToString() ?? "";

    public readonly IReadOnlyList<object?> Arguments => _arguments ?? [];

    public static implicit operator ErrorText(string text)
    {
        var literal = new ErrorText(text?.Length ?? 0, 0);
        literal.AppendLiteral(text ?? "");
        return literal;
    }

    /// <summary>For callers that cannot use the implicit conversion (CA2225).</summary>
    public static ErrorText FromString(string text) => text;

    public readonly void AppendLiteral(string value) =>
        _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        _template.Append(CultureInfo.InvariantCulture, $"{{{_arguments.Count}");
        if (format is not null)
        {
            _template.Append(':').Append(format);
        }

        _template.Append('}');
        _arguments.Add(value);
    }

    /// <summary>The English sentence, as the admin API and logs show it.</summary>
    public readonly string Render() =>
        _arguments is null || _arguments.Count == 0 ? Template.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal)
        : string.Format(CultureInfo.InvariantCulture, Template, [.. _arguments]);
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Roster.Server.Settings;

/// <summary>
/// Checks an options class's data annotations (and those of its nested settings) and says what is
/// wrong in the operator's words: the full setting name, what it must be, and what it is
/// (<c>Roster:Limits:MaxPageSize must be between 1 and 10000; it is 0.</c>).
/// </summary>
public sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object options, string path, List<string> failures)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(options);
            var key = $"{path}:{property.Name}";
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    failures.Add($"{key} {Rule(attribute)}; it is {Shown(value)}.");
                }
            }

            if (value is not null && RosterSettings.IsSection(property.PropertyType))
            {
                Check(value, key, failures);
            }
        }
    }

    private static string Rule(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}"),
        RequiredAttribute => "must be set",
        _ => "is not valid: " + attribute.FormatErrorMessage("it"),
    };

    private static string Shown(object? value) => value switch
    {
        null => "not set",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

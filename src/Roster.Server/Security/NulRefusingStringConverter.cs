using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.Server.Security;

/// <summary>
/// Reads the strings of the admin API's JSON bodies and refuses one that holds U+0000 (NUL), a
/// <c>\u0000</c> escape: no admin field has a use for it, and PostgreSQL's text cannot hold it
/// (<see cref="NulCharacterGuard"/> covers the rest of a request). The binder turns the refusal
/// into a 400 ProblemDetails that quotes <see cref="Detail"/>.
/// </summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    public const string Detail = "A string in the JSON body holds U+0000 (a NUL character), which no field of this API can hold.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    private static string? Checked(string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new NulCharacterException() : value;
}

/// <summary>The refusal of <see cref="NulRefusingStringConverter"/>, told apart from other unreadable JSON.</summary>
public sealed class NulCharacterException : JsonException
{
    public NulCharacterException()
        : base(NulRefusingStringConverter.Detail)
    {
    }

    public NulCharacterException(string message)
        : base(message)
    {
    }

    public NulCharacterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

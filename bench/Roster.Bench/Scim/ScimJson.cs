using System.Text.Json;

namespace Roster.Bench.Scim;

/// <summary>
/// Reads the few top-level members the bench checks (<c>id</c>, <c>totalResults</c>) without building a
/// document; malformed JSON reads as "absent", because a broken server response is a result to count.
/// </summary>
internal static class ScimJson
{
    public static string? TopLevelString(byte[] json, string propertyName)
    {
        return TryFindTopLevel(json, propertyName, out Utf8JsonReader reader) && reader.TokenType == JsonTokenType.String
            ? reader.GetString()
            : null;
    }

    public static long? TopLevelInteger(byte[] json, string propertyName)
    {
        return TryFindTopLevel(json, propertyName, out Utf8JsonReader reader) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)
            ? value
            : null;
    }

    private static bool TryFindTopLevel(byte[] json, string propertyName, out Utf8JsonReader reader)
    {
        reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(propertyName);
                if (!reader.Read())
                {
                    return false;
                }

                if (match)
                {
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

using Roster.Scim.Errors;

namespace Roster.Scim.Resources;

/// <summary>
/// Parses the bytes of a SCIM request body (POST, PUT, PATCH, .search) into a JSON object, and
/// finds every defect up front, so that no malformed body can fail later, deep inside the PATCH
/// engine or the normalizer, with anything but a 400 <c>invalidSyntax</c>: invalid UTF-8,
/// invalid JSON, nesting deeper than the limit (<see cref="MaxDepth"/> by default), a <c>\u</c> escape that is a lone
/// surrogate, a member name given twice in one object, a root that is not an object. A
/// <c>\u0000</c> escape (U+0000, NUL) is refused too, as 400 <c>invalidValue</c> in a value
/// (<c>invalidFilter</c> in a SearchRequest's filter) and <c>invalidSyntax</c> in a name: no attribute can hold it, and PostgreSQL's text cannot store it.
/// </summary>
public static class RequestBodyParser
{
    /// <summary>How deeply objects and arrays may nest by default; SCIM resources need four levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The body as a JSON object, or a 400 <c>invalidSyntax</c> that says what is wrong and where.</summary>
    /// <param name="body">The request body's bytes.</param>
    /// <param name="maxDepth">How deeply objects and arrays may nest.</param>
    public static ScimResult<JsonObject> Parse(ReadOnlySpan<byte> body, int maxDepth = MaxDepth)
    {
        // RFC 8259 section 8.1: a parser "MAY ignore the presence of a byte order mark rather
        // than treating it as an error"; Windows tools (PowerShell's Out-File, Notepad) add one.
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        if (body.IsEmpty)
        {
            return ScimError.InvalidSyntax("The request body is empty; a JSON object is required.");
        }

        // System.Text.Json validates UTF-8 only when it builds a string, deep inside later code;
        // checking here turns a malformed body into a 400 instead of an exception.
        if (!Utf8.IsValid(body))
        {
            return ScimError.InvalidSyntax("The request body is not valid UTF-8.");
        }

        var problem = FindProblem(body, maxDepth);
        if (problem is not null)
        {
            return problem;
        }

        var node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        return node is JsonObject json
            ? json
            : ScimError.InvalidSyntax($"The request body must be a JSON object, not {Describe(node)}.");
    }

    /// <summary>
    /// Reads the whole body once, without recursion, and returns what is wrong with it, or null.
    /// Member names are compared ignoring case: SCIM attribute names are case-insensitive
    /// (RFC 7643 section 2.1), so <c>"userName"</c> and <c>"USERNAME"</c> in one object name the
    /// same attribute twice. RFC 8259 section 4 says names SHOULD be unique and leaves the meaning
    /// of a repeated one open; Roster refuses to guess which value the client meant.
    /// </summary>
    private static ScimError? FindProblem(ReadOnlySpan<byte> body, int maxDepth)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var namesPerObject = new Stack<HashSet<string>>();
        var open = 0;
        var lastName = "";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        open++;
                        namesPerObject.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                        break;
                    case JsonTokenType.EndObject:
                        open--;
                        namesPerObject.Pop();
                        break;
                    case JsonTokenType.StartArray:
                        open++;
                        break;
                    case JsonTokenType.EndArray:
                        open--;
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (name.Contains('\0', StringComparison.Ordinal))
                        {
                            return ScimError.InvalidSyntax($"A member name holds U+0000 (a NUL character){Where(reader)}; no attribute is named so.");
                        }

                        if (!namesPerObject.Peek().Add(name))
                        {
                            return ScimError.InvalidSyntax($"The member \"{Shorten(name)}\" appears twice in one object{Where(reader)}; "
                                + "attribute names ignore case, so give each attribute once.");
                        }

                        lastName = name;
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        if (reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                        {
                            var detail = $"A string value of \"{Shorten(lastName)}\" holds U+0000 (a NUL character){Where(reader)}; no attribute can hold it.";

                            // The filter of a SearchRequest (RFC 7644 section 3.4.3) is refused as a filter.
                            return string.Equals(lastName, "filter", StringComparison.OrdinalIgnoreCase) && namesPerObject.Count == 1
                                ? ScimError.InvalidFilter(detail)
                                : ScimError.InvalidValue(detail);
                        }

                        break;
                    default:
                        break;
                }
            }

            return null;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            return ScimError.InvalidSyntax(open >= maxDepth
                ? $"The request body nests objects and arrays more than {maxDepth} levels deep{where}; that is the limit."
                : $"The request body is not valid JSON{where}.");
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a \u escape that leaves half of a surrogate pair.
            return ScimError.InvalidSyntax($"The request body has a string with an invalid \\u escape (a lone UTF-16 surrogate){Where(reader)}.");
        }
    }

    private static string Where(Utf8JsonReader reader) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (near byte {reader.TokenStartIndex + 1})");

    private static string Shorten(string name) => name.Length > 64 ? string.Concat(name.AsSpan(0, 64), "...") : name;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
    };
}

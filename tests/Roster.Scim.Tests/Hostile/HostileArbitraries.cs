using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Roster.Scim.Tests.Hostile;

/// <summary>
/// Generators of adversarial input for the parsers and the PATCH engine: arbitrary strings,
/// soups of SCIM fragments, huge numbers (<c>1e400</c>, <c>99999999999999999999999</c>),
/// unicode, control characters and lone surrogates, very long and very deeply nested text, and
/// request bodies built as JSON and then mutated byte by byte.
/// </summary>
public static class HostileArbitraries
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "1.5", "1e400", "-1e400", "1E-400", "99999999999999999999999", "-99999999999999999999999",
        "79228162514264337593543950336", "0.0000000000000000000000000001", "1e28", "1.0e+2", "123456789012345678901234567890.5",
        "9223372036854775808", "00", "01", "1.", ".5", "1e", "+1", "NaN", "Infinity", "0x10",
    ];

    private static readonly string[] Oddities =
    [
        "\u0000", "\u0001", "\u001f", "\u007f", "\t", "\n", "\r", "\u00a0", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff",
        "\ufffe", "\uffff", "\ud800", "\udc00", "\udbff\udfff", "\ud83d\ude00", "é", "e\u0301", "ß", "İ", "ı", "K", "Å", "日本",
        "\\", "\\u", "\\u12", "\\ud800", "\\uDC00", "\\\"", "'", "%00", "%22", "+", "&", "=", "$", "#", "{}", "[]",
    ];

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "\"", "\"x\"", "\"a b\"", " ", "  ", ".", ":", ",", "and", "AND", "or", "Or", "not", "not (", "not(",
        "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "EQ", "true", "false", "null", "userName", "emails", "members",
        "value", "type", "primary", "display", "$ref", "name.givenName", "emails.value", "emails[type eq \"work\"]", "a.b.c",
        ".value", "urn:", "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "meta.lastModified", "\"2011-05-13T04:42:34Z\"", "members[value eq \"x\"].display",
    ];

    private static readonly string[] AttributeNames =
    [
        "schemas", "id", "externalId", "meta", "userName", "USERNAME", "name", "displayName", "nickName", "profileUrl", "title",
        "userType", "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos",
        "addresses", "groups", "entitlements", "roles", "x509Certificates", "members", "name.givenName", "emails.value",
        "emails[type eq \"work\"].value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "manager", "value", "type", "primary",
        "display", "$ref", "givenName", "familyName", "Operations", "op", "path",
    ];

    private static readonly string[] PatchPaths =
    [
        "userName", "name.givenName", "name", "displayName", "active", "emails", "emails[type eq \"work\"].value",
        "emails[type eq \"work\"]", "emails[value co \"@\"].primary", "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality",
        "members", "members[value eq \"2819c223\"]", "members[value eq \"u1\"].display", "title", "externalId", "roles", "groups", "id", "meta",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        "", " ", "emails[", "emails]", "emails[]", "emails[type eq \"work\"]x", "emails[type eq \"work\"].", "a.b.c",
    ];

    /// <summary>Text for the filter and path parsers.</summary>
    public static Arbitrary<HostileText> Texts() => Text().Select(t => new HostileText(t)).ToArbitrary();

    /// <summary>Request bodies: generated JSON (resources, PATCH requests, anything), then mutated; raw bytes; deep nesting.</summary>
    public static Arbitrary<HostileBody> Bodies() =>
        Gen.Frequency(
            (6, from json in Gen.OneOf(UserBody(), GroupBody(), PatchBody(), JsonValue(3))
                from seed in Gen.Choose(0, int.MaxValue)
                from mutations in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 4)))
                select Mutate(Encoding.UTF8.GetBytes(json), seed, mutations)),
            (1, Gen.Choose(0, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))),
            (1, from depth in Gen.Choose(1, 10_000)
                from open in Gen.Elements("[", "{\"a\":", "{\"userName\":\"x\",\"name\":")
                select Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "1" + new string(open[0] == '[' ? ']' : '}', depth))))
        .Select(bytes => new HostileBody(bytes))
        .ToArbitrary();

    /// <summary>JSON values as text, for PATCH values.</summary>
    public static Arbitrary<JsonText> JsonTexts() => JsonValue(3).Select(text => new JsonText(text)).ToArbitrary();

    /// <summary>Filter-, path- and attribute-like text, from harmless to hostile.</summary>
    public static Gen<string> Text() =>
        Gen.Frequency(
            (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
            (4, Soup()),
            (1, AnyChars()),
            (1, Nested()),
            (1, Chain()),
            (1, from fragment in Gen.Elements(Fragments.Concat(Oddities).ToArray())
                from count in Gen.Choose(1, 12_000)
                select string.Concat(Enumerable.Repeat(fragment, count))));

    /// <summary>A JSON string literal of hostile text; surrogates and control characters escaped as <c>\uXXXX</c>, lone or not.</summary>
    public static Gen<string> StringLiteral() => Gen.OneOf(Text(), Gen.Elements(AttributeNames)).Select(Quote);

    /// <summary>Any JSON value, <paramref name="depth"/> levels deep at most, with hostile strings, numbers and names.</summary>
    public static Gen<string> JsonValue(int depth)
    {
        var leaf = Gen.Frequency(
            (1, Gen.Elements("null", "true", "false")),
            (2, Gen.Elements(Numbers)),
            (4, StringLiteral()));
        if (depth <= 0)
        {
            return leaf;
        }

        var child = JsonValue(depth - 1);
        var array = Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(child, n)).Select(items => "[" + string.Join(",", items) + "]");
        return Gen.Frequency((4, leaf), (1, array), (2, JsonObject(child)));
    }

    /// <summary>A value for the text of a PATCH path: real paths, printed ones and hostile text.</summary>
    public static Gen<string> PatchPathText() => Gen.Frequency((3, Gen.Elements(PatchPaths)), (1, Text()));

    private static Gen<string> JsonObject(Gen<string> values)
    {
        var member =
            from name in Gen.Frequency((4, Gen.Elements(AttributeNames)), (1, Text()))
            from value in values
            select Quote(name) + ":" + value;
        return Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(member, n)).Select(members => "{" + string.Join(",", members) + "}");
    }

    private static Gen<string> UserBody() =>
        from userName in StringLiteral()
        from rest in JsonObject(JsonValue(2))
        select "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":" + userName + (rest.Length > 2 ? "," + rest[1..] : "}");

    private static Gen<string> GroupBody() =>
        from displayName in StringLiteral()
        from members in Gen.ArrayOf(JsonValue(1), 3)
        from rest in JsonObject(JsonValue(2))
        select "{\"displayName\":" + displayName + ",\"members\":[" + string.Join(",", members) + "]" + (rest.Length > 2 ? "," + rest[1..] : "}");

    private static Gen<string> PatchBody()
    {
        var operation =
            from op in Gen.Elements("\"add\"", "\"Add\"", "\"remove\"", "\"Remove\"", "\"replace\"", "\"REPLACE\"", "\"move\"", "1", "null", "\"\"")
            from path in Gen.Frequency((1, Gen.Constant<string?>(null)), (4, PatchPathText().Select(p => (string?)Quote(p))), (1, JsonValue(1).Select(p => (string?)p)))
            from value in Gen.Frequency((1, Gen.Constant<string?>(null)), (4, JsonValue(3).Select(v => (string?)v)))
            select "{\"op\":" + op + (path is null ? "" : ",\"path\":" + path) + (value is null ? "" : ",\"value\":" + value) + "}";
        return Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(operation, n))
            .Select(ops => "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + string.Join(",", ops) + "]}");
    }

    private static Gen<string> Soup() =>
        Gen.Choose(0, 30)
            .SelectMany(n => Gen.ArrayOf(Gen.Frequency((6, Gen.Elements(Fragments)), (2, Gen.Elements(Numbers)), (2, Gen.Elements(Oddities))), n))
            .SelectMany(parts => Gen.Elements(" ", "", "+").Select(separator => string.Join(separator, parts)));

    private static Gen<string> AnyChars() =>
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), n)).Select(chars => new string(chars));

    /// <summary>
    /// Long runs of terms joined by one operator, inside brackets or not: <c>id pr or id pr or ...</c>
    /// up to and past the term limit and the length limit.
    /// </summary>
    public static Gen<string> Chain() =>
        from count in Gen.Frequency((3, Gen.Choose(450, 560)), (1, Gen.Choose(1, 3_000)))
        from term in Gen.Elements("id pr", "userName eq \"x\"", "title co \"\u0000\"", "value pr", "emails[value pr]", "not (id pr)", "a eq 1")
        from separator in Gen.Elements(" or ", " and ", " OR ", " and not ")
        from bracketed in Gen.Elements(false, false, true)
        let run = string.Join(separator, Enumerable.Repeat(term, count))
        select bracketed ? "emails[" + run + "]" : run;

    private static Gen<string> Nested() =>
        from depth in Gen.Choose(1, 6_000)
        from shape in Gen.Elements(
            ("(", "userName pr", ")"), ("not (", "a eq 1", ")"), ("emails[", "value pr", "]"), ("(", "", ""), ("a[", "b pr", "]"), ("[", "", ""))
        select string.Concat(Enumerable.Repeat(shape.Item1, depth)) + shape.Item2 + string.Concat(Enumerable.Repeat(shape.Item3, depth));

    /// <summary>JSON string syntax for any .NET string, even one that is not valid UTF-16.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Applies <paramref name="count"/> random byte-level edits: flip, insert, delete, duplicate, truncate.</summary>
    private static byte[] Mutate(byte[] bytes, int seed, int count)
    {
        var random = new Random(seed);
        var data = new List<byte>(bytes);
        for (var i = 0; i < count; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(random.GetItems(["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "null", "1e400", "\u00e9"], 1)[0]));
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 16)));
                    break;
                case 3 when data.Count > 0:
                    data.InsertRange(at, data.GetRange(at, Math.Min(data.Count - at, random.Next(1, 64))));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.Insert(at, (byte)random.Next(0x80, 0x100));
                    break;
            }
        }

        return [.. data];
    }
}

using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Filtering;
using Roster.Scim.Patching;

namespace Roster.Scim.Tests.Filtering;

/// <summary>
/// Generators for the filter properties: well-formed filter trees (every tree the parser can
/// produce: value filters hold relative paths and no brackets, co/sw/ew compare strings,
/// booleans and null only meet eq/ne) and "token soup", strings built from filter fragments.
/// </summary>
public static class FilterArbitraries
{
    private static readonly string?[] Urns =
    [
        null,
        null,
        null,
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        "urn:example:params:scim:schemas:extension:roster:1.0:User",
    ];

    private static readonly string[] KnownNames =
        ["userName", "name", "emails", "active", "meta", "title", "members", "displayName", "employeeNumber", "manager", "loginCount", "tags"];

    private static readonly string[] KnownSubAttributes =
        ["value", "type", "primary", "givenName", "familyName", "lastModified", "created", "display", "$ref"];

    private static readonly char[] Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray();

    private static readonly char[] NameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".ToCharArray();

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "\"", "\"x\"", "\"a b\"", "\"\\u00e9\"", "\"\\", "\\u12", "'x'", " ", "  ", "+", ".", ":", ",",
        "and", "AND", "or", "not", "not (", "eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "Eq",
        "userName", "emails", "name.givenName", "a.b.c", ".value", "$ref", "urn:", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "true", "false", "null", "12", "-1.5e3", "1e999", "00", "\t",
    ];

    /// <summary>Filter trees of the shape the parser produces.</summary>
    public static Arbitrary<FilterNode> FilterNodes() =>
        Gen.Sized(size => Node(Math.Min(size, 8), insideValueFilter: false)).ToArbitrary();

    /// <summary>Value filters, the part between the brackets of <c>emails[type eq "work"]</c>: relative paths, no brackets.</summary>
    public static Gen<FilterNode> ValueFilters() => Gen.Sized(size => Node(Math.Clamp(size, 1, 6), insideValueFilter: true));

    /// <summary>Attribute paths as <see cref="AttributePathParser"/> produces them.</summary>
    public static Arbitrary<AttributePath> AttributePaths() => AbsolutePath().ToArbitrary();

    /// <summary>PATCH paths as <see cref="PatchPathParser"/> produces them: plain, with a value filter and sub-attribute, or a schema URN.</summary>
    public static Arbitrary<PatchPath> PatchPaths() =>
        Gen.Frequency(
            (2, AbsolutePath().Select(path => new PatchPath(path))),
            (3, from urn in Gen.Elements(Urns)
                from name in Name()
                from filter in ValueFilters()
                from sub in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, SubAttribute()))
                select new PatchPath(new AttributePath(urn, name), filter, sub)),
            (1, Gen.Elements(Urns.OfType<string>().ToArray()).Select(PatchPath.ForSchema)))
        .ToArbitrary();

    /// <summary>Strings made of filter fragments: mostly invalid, sometimes valid, always tricky.</summary>
    public static Arbitrary<TokenSoup> TokenSoups() =>
        Gen.Choose(0, 24)
            .SelectMany(count => Gen.ArrayOf(Gen.Elements(Fragments), count))
            .SelectMany(parts => Gen.Elements(" ", "", "+").Select(separator => new TokenSoup(string.Join(separator, parts))))
            .ToArbitrary();

    private static Gen<FilterNode> Node(int size, bool insideValueFilter)
    {
        var leaf = insideValueFilter
            ? Leaf(RelativePath())
            : Gen.Frequency((4, Leaf(AbsolutePath())), (1, ValuePath(size)));
        if (size <= 1)
        {
            return leaf;
        }

        var child = Node(size / 2, insideValueFilter);
        var logical =
            from op in Gen.Elements(LogicalOperator.And, LogicalOperator.Or)
            from left in child
            from right in child
            select (FilterNode)new LogicalFilter(op, left, right);
        var not = child.Select(inner => (FilterNode)new NotFilter(inner));
        return Gen.Frequency((3, leaf), (3, logical), (1, not));
    }

    private static Gen<FilterNode> ValuePath(int size) =>
        from urn in Gen.Elements(Urns)
        from name in Name()
        from inner in Node(size / 2, insideValueFilter: true)
        select (FilterNode)new ValuePathFilter(new AttributePath(urn, name), inner);

    private static Gen<FilterNode> Leaf(Gen<AttributePath> paths) =>
        Gen.Frequency(
            (1, paths.Select(p => (FilterNode)new PresentFilter(p))),
            (5, from path in paths
                from op in Gen.Elements(Enum.GetValues<ComparisonOperator>())
                from value in Literal(op)
                select (FilterNode)new ComparisonFilter(path, op, value)));

    private static Gen<FilterLiteral> Literal(ComparisonOperator op)
    {
        // A lone surrogate and U+0000 are refused by the parser (no database can compare them), so none is generated.
        var strings = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(WithoutLoneSurrogates)
            .Select(s => s.Replace('\0', '?')).Select(FilterLiteral.FromString);
        var numbers = ArbMap.Default.GeneratorFor<decimal>().Select(FilterLiteral.FromNumber);
        var others = Gen.Elements(FilterLiteral.True, FilterLiteral.False, FilterLiteral.Null);
        return op switch
        {
            ComparisonOperator.Equal or ComparisonOperator.NotEqual => Gen.Frequency((3, strings), (2, numbers), (1, others)),
            ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith => strings,
            _ => Gen.OneOf(strings, numbers),
        };
    }

    private static Gen<AttributePath> AbsolutePath() =>
        from urn in Gen.Elements(Urns)
        from name in Name()
        from sub in Gen.Frequency((2, Gen.Constant<string?>(null)), (1, SubAttribute()))
        select new AttributePath(urn, name, sub);

    private static Gen<AttributePath> RelativePath() =>
        Gen.Frequency((3, Gen.Elements(KnownSubAttributes)), (1, Name())).Select(name => new AttributePath(null, name));

    private static Gen<string?> SubAttribute() =>
        Gen.Frequency((3, Gen.Elements(KnownSubAttributes)), (1, Name())).Select(s => (string?)s);

    private static Gen<string> Name() =>
        Gen.Frequency((3, Gen.Elements(KnownNames)), (2, RandomName()));

    private static Gen<string> RandomName() =>
        from first in Gen.Elements(Letters)
        from length in Gen.Choose(0, 8)
        from rest in Gen.ArrayOf(Gen.Elements(NameCharacters), length)
        let name = first + new string(rest)
        where !name.Equals("and", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("or", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("not", StringComparison.OrdinalIgnoreCase)
        select name;

    private static string WithoutLoneSurrogates(string text)
    {
        var chars = text.ToCharArray();
        for (var lone = LoneSurrogates.IndexIn(chars); lone >= 0; lone = LoneSurrogates.IndexIn(chars))
        {
            chars[lone] = '?';
        }

        return new string(chars);
    }
}

using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Builders;

/// <summary>
/// Small schemas for filter, projection and listing tests, independent of the built-in ones:
/// the RFC's User and Group attributes those tests touch, the Enterprise User extension, and a
/// custom extension with the types the RFC schemas lack (integer, decimal, case-exact string,
/// dateTime, multi-valued string, <c>returned: request</c>).
/// </summary>
internal static class TestSchemas
{
    /// <summary>The custom extension's URN.</summary>
    public const string CustomUrn = "urn:example:params:scim:schemas:extension:roster:1.0:User";

    public static SchemaDefinition User { get; } = new()
    {
        Id = SchemaUris.User,
        Name = "User",
        Attributes =
        [
            Text("userName") with { Required = true, Uniqueness = Uniqueness.Server },
            Complex("name", Text("formatted"), Text("familyName"), Text("givenName"), Text("middleName")),
            Text("displayName"),
            Text("nickName"),
            Text("title"),
            Text("userType"),
            Text("preferredLanguage"),
            Of("active", AttributeType.Boolean),
            Text("password") with { Mutability = Mutability.WriteOnly, Returned = Returned.Never },
            MultiValued("emails", Text("value"), Text("type"), Of("primary", AttributeType.Boolean), Text("display")),
            MultiValued("phoneNumbers", Text("value"), Text("type"), Of("primary", AttributeType.Boolean)),
            MultiValued("ims", Text("value"), Text("type")),
            MultiValued("groups", Text("value"), Text("display"), Of("$ref", AttributeType.Reference)) with { Mutability = Mutability.ReadOnly },
        ],
    };

    public static SchemaDefinition EnterpriseUser { get; } = new()
    {
        Id = SchemaUris.EnterpriseUser,
        Name = "EnterpriseUser",
        Attributes =
        [
            Text("employeeNumber"),
            Text("costCenter"),
            Text("organization"),
            Text("department"),
            Complex("manager", Text("value"), Of("$ref", AttributeType.Reference), Text("displayName") with { Mutability = Mutability.ReadOnly }),
        ],
    };

    public static SchemaDefinition Custom { get; } = new()
    {
        Id = CustomUrn,
        Name = "RosterUser",
        Attributes =
        [
            Of("loginCount", AttributeType.Integer),
            Of("score", AttributeType.Decimal),
            Text("badgeId") with { CaseExact = true },
            Of("lastSeen", AttributeType.DateTime),
            Text("tags") with { MultiValued = true },
            Text("secretNote") with { Returned = Returned.Request },
            Text("apiKey") with { Returned = Returned.Never },
        ],
    };

    public static SchemaDefinition Group { get; } = new()
    {
        Id = SchemaUris.Group,
        Name = "Group",
        Attributes =
        [
            Text("displayName") with { Required = true },
            MultiValued("members", Text("value"), Of("$ref", AttributeType.Reference), Text("type"), Text("display")),
        ],
    };

    public static ResourceTypeDefinition UserType { get; } = new()
    {
        Name = "User",
        Endpoint = "/Users",
        Schema = User,
        Extensions = [(EnterpriseUser, false), (Custom, false)],
    };

    public static ResourceTypeDefinition GroupType { get; } = new()
    {
        Name = "Group",
        Endpoint = "/Groups",
        Schema = Group,
    };

    /// <summary>The resource type called <paramref name="name"/> (User or Group).</summary>
    public static ResourceTypeDefinition TypeNamed(string name) =>
        string.Equals(name, "Group", StringComparison.OrdinalIgnoreCase) ? GroupType : UserType;

    private static AttributeDefinition Of(string name, AttributeType type) => new() { Name = name, Type = type };

    private static AttributeDefinition Text(string name) => Of(name, AttributeType.String);

    private static AttributeDefinition Complex(string name, params AttributeDefinition[] subAttributes) =>
        Of(name, AttributeType.Complex) with { SubAttributes = subAttributes };

    private static AttributeDefinition MultiValued(string name, params AttributeDefinition[] subAttributes) =>
        Complex(name, subAttributes) with { MultiValued = true };
}

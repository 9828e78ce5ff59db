namespace Roster.Scim.Schemas;

/// <summary>
/// The core User schema, <c>urn:ietf:params:scim:schemas:core:2.0:User</c>, exactly as RFC 7643
/// section 8.7.1 lists it (singular attributes here, multi-valued ones in
/// <see cref="UserMultiValuedAttributes"/>).
/// </summary>
internal static class UserSchema
{
    private const string ExampleName = "'Ms. Barbara J Jensen, III'";

    public static SchemaDefinition Definition { get; } = new()
    {
        Id = SchemaUris.User,
        Name = "User",
        Description = "User Account",
        Attributes =
        [
            SchemaAttribute.String(
                "userName",
                "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.  Each User MUST include a non-empty userName value.  This identifier MUST be unique across the service provider's entire set of Users.  REQUIRED.")
            with
            { Required = true, Uniqueness = Uniqueness.Server },
            Name(),
            SchemaAttribute.String(
                "displayName",
                "The name of the User, suitable for display to end-users.  The name SHOULD be the full name of the User being described, if known."),
            SchemaAttribute.String(
                "nickName",
                "The casual way to address the user in real life, e.g., 'Bob' or 'Bobby' instead of 'Robert'.  This attribute SHOULD NOT be used to represent a User's username (e.g., 'bjensen' or 'mpepperidge')."),
            SchemaAttribute.Reference(
                "profileUrl",
                "A fully qualified URL pointing to a page representing the User's online profile.",
                "external"),
            SchemaAttribute.String("title", "The user's title, such as \"Vice President.\""),
            SchemaAttribute.String(
                "userType",
                "Used to identify the relationship between the organization and the user.  Typical values used might be 'Contractor', 'Employee', 'Intern', 'Temp', 'External', and 'Unknown', but any value may be used."),
            SchemaAttribute.String(
                "preferredLanguage",
                "Indicates the User's preferred written or spoken language.  Generally used for selecting a localized user interface; e.g., 'en_US' specifies the language English and country US."),
            SchemaAttribute.String(
                "locale",
                "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations."),
            SchemaAttribute.String(
                "timezone",
                "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'."),
            SchemaAttribute.Boolean("active", "A Boolean value indicating the User's administrative status."),
            SchemaAttribute.String(
                "password",
                "The User's cleartext password.  This attribute is intended to be used as a means to specify an initial password when creating a new User or to reset an existing User's password.")
            with
            { Mutability = Mutability.WriteOnly, Returned = Returned.Never },
            UserMultiValuedAttributes.Emails,
            UserMultiValuedAttributes.PhoneNumbers,
            UserMultiValuedAttributes.Ims,
            UserMultiValuedAttributes.Photos,
            UserMultiValuedAttributes.Addresses,
            UserMultiValuedAttributes.Groups,
            UserMultiValuedAttributes.Entitlements,
            UserMultiValuedAttributes.Roles,
            UserMultiValuedAttributes.X509Certificates,
        ],
    };

    private static AttributeDefinition Name() =>
        SchemaAttribute.Complex(
            "name",
            "The components of the user's real name.  Providers MAY return just the full name as a single string in the formatted sub-attribute, or they MAY return just the individual component attributes using the other sub-attributes, or they MAY return both.  If both variants are returned, they SHOULD be describing the same name, with the formatted name indicating how the component attributes should be combined.",
            SchemaAttribute.String(
                "formatted",
                $"The full name, including all middle names, titles, and suffixes as appropriate, formatted for display (e.g., {ExampleName})."),
            SchemaAttribute.String(
                "familyName",
                $"The family name of the User, or last name in most Western languages (e.g., 'Jensen' given the full name {ExampleName})."),
            SchemaAttribute.String(
                "givenName",
                $"The given name of the User, or first name in most Western languages (e.g., 'Barbara' given the full name {ExampleName})."),
            SchemaAttribute.String(
                "middleName",
                $"The middle name(s) of the User (e.g., 'Jane' given the full name {ExampleName})."),
            SchemaAttribute.String(
                "honorificPrefix",
                $"The honorific prefix(es) of the User, or title in most Western languages (e.g., 'Ms.' given the full name {ExampleName})."),
            SchemaAttribute.String(
                "honorificSuffix",
                $"The honorific suffix(es) of the User, or suffix in most Western languages (e.g., 'III' given the full name {ExampleName})."));
}

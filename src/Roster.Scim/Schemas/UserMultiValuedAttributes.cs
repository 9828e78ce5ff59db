namespace Roster.Scim.Schemas;

/// <summary>The multi-valued attributes of the core User schema (RFC 7643 sections 4.1.2 and 8.7.1).</summary>
internal static class UserMultiValuedAttributes
{
    public static AttributeDefinition Emails { get; } =
        SchemaAttribute.MultiValued(
            "emails",
            "Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'.  Canonical type values of 'work', 'home', and 'other'.",
            SchemaAttribute.String(
                "value",
                "Email addresses for the user.  The value SHOULD be canonicalized by the service provider, e.g., 'bjensen@example.com' instead of 'bjensen@EXAMPLE.COM'.  Canonical type values of 'work', 'home', and 'other'."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function, e.g., 'work' or 'home'.", "work", "home", "other"),
            SchemaAttribute.Primary("the preferred mailing address or primary email address"));

    public static AttributeDefinition PhoneNumbers { get; } =
        SchemaAttribute.MultiValued(
            "phoneNumbers",
            "Phone numbers for the User.  The value SHOULD be canonicalized by the service provider according to the format specified in RFC 3966, e.g., 'tel:+1-201-555-0123'.  Canonical type values of 'work', 'home', 'mobile', 'fax', 'pager', and 'other'.",
            SchemaAttribute.String("value", "Phone number of the User."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel(
                "A label indicating the attribute's function, e.g., 'work', 'home', 'mobile'.",
                "work",
                "home",
                "mobile",
                "fax",
                "pager",
                "other"),
            SchemaAttribute.Primary("the preferred phone number or primary phone number"));

    public static AttributeDefinition Ims { get; } =
        SchemaAttribute.MultiValued(
            "ims",
            "Instant messaging addresses for the User.",
            SchemaAttribute.String("value", "Instant messaging address for the User."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel(
                "A label indicating the attribute's function, e.g., 'aim', 'gtalk', 'xmpp'.",
                "aim",
                "gtalk",
                "icq",
                "xmpp",
                "msn",
                "skype",
                "qq",
                "yahoo"),
            SchemaAttribute.Primary("the preferred messenger or primary messenger"));

    public static AttributeDefinition Photos { get; } =
        SchemaAttribute.MultiValued(
            "photos",
            "URLs of photos of the User.",
            SchemaAttribute.Reference("value", "URL of a photo of the User.", "external"),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function, i.e., 'photo' or 'thumbnail'.", "photo", "thumbnail"),
            SchemaAttribute.Primary("the preferred photo or thumbnail"));

    // RFC 7643 section 4.1.2 gives addresses a "primary" sub-attribute; the JSON of section 8.7.1
    // leaves it out. Entra ID and Okta both send it, so Roster defines it.
    public static AttributeDefinition Addresses { get; } =
        SchemaAttribute.MultiValued(
            "addresses",
            "A physical mailing address for this User.  Canonical type values of 'work', 'home', and 'other'.  This attribute is a complex type with the following sub-attributes.",
            SchemaAttribute.String(
                "formatted",
                "The full mailing address, formatted for display or use with a mailing label.  This attribute MAY contain newlines."),
            SchemaAttribute.String(
                "streetAddress",
                "The full street address component, which may include house number, street name, P.O. box, and multi-line extended street address information.  This attribute MAY contain newlines."),
            SchemaAttribute.String("locality", "The city or locality component."),
            SchemaAttribute.String("region", "The state or region component."),
            SchemaAttribute.String("postalCode", "The zip code or postal code component."),
            SchemaAttribute.String("country", "The country name component."),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function, e.g., 'work' or 'home'.", "work", "home", "other"),
            SchemaAttribute.Primary("the preferred mailing address or primary address"));

    public static AttributeDefinition Groups { get; } =
        SchemaAttribute.MultiValued(
            "groups",
            "A list of groups to which the user belongs, either through direct membership, through nested groups, or dynamically calculated.",
            SchemaAttribute.String("value", "The identifier of the User's group.") with { Mutability = Mutability.ReadOnly },
            SchemaAttribute.Reference("$ref", "The URI of the corresponding 'Group' resource to which the user belongs.", "User", "Group") with { Mutability = Mutability.ReadOnly },
            SchemaAttribute.Display() with { Mutability = Mutability.ReadOnly },
            SchemaAttribute.TypeLabel("A label indicating the attribute's function, e.g., 'direct' or 'indirect'.", "direct", "indirect") with { Mutability = Mutability.ReadOnly })
        with
        { Mutability = Mutability.ReadOnly };

    public static AttributeDefinition Entitlements { get; } =
        SchemaAttribute.MultiValued(
            "entitlements",
            "A list of entitlements for the User that represent a thing the User has.",
            SchemaAttribute.String("value", "The value of an entitlement."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function."),
            SchemaAttribute.Primary(""));

    public static AttributeDefinition Roles { get; } =
        SchemaAttribute.MultiValued(
            "roles",
            "A list of roles for the User that collectively represent who the User is, e.g., 'Student', 'Faculty'.",
            SchemaAttribute.String("value", "The value of a role."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function."),
            SchemaAttribute.Primary(""));

    public static AttributeDefinition X509Certificates { get; } =
        SchemaAttribute.MultiValued(
            "x509Certificates",
            "A list of certificates issued to the User.",
            SchemaAttribute.Binary("value", "The value of an X.509 certificate."),
            SchemaAttribute.Display(),
            SchemaAttribute.TypeLabel("A label indicating the attribute's function."),
            SchemaAttribute.Primary(""));
}

namespace Roster.Scim.Schemas;

/// <summary>The core Group schema, <c>urn:ietf:params:scim:schemas:core:2.0:Group</c> (RFC 7643 sections 4.2 and 8.7.1).</summary>
internal static class GroupSchema
{
    public static SchemaDefinition Definition { get; } = new()
    {
        Id = SchemaUris.Group,
        Name = "Group",
        Description = "Group",
        Attributes =
        [
            // Section 8.7.1's JSON says "required": false while its description and section 4.2
            // say REQUIRED; a group without a name cannot be shown or matched by an IdP, so Roster
            // requires it.
            SchemaAttribute.String("displayName", "A human-readable name for the Group.  REQUIRED.") with { Required = true },
            SchemaAttribute.MultiValued(
                "members",
                "A list of members of the Group.",
                SchemaAttribute.String("value", "Identifier of the member of this Group.") with { Mutability = Mutability.Immutable },
                SchemaAttribute.Reference(
                    "$ref",
                    "The URI corresponding to a SCIM resource that is a member of this Group.",
                    "User",
                    "Group")
                with
                { Mutability = Mutability.Immutable },
                // Section 4.2 names "display" but section 8.7.1 omits it. Okta and Entra ID send it
                // on add; Roster computes it from the member on read (memberships are rows), so it
                // is read-only and a value sent by a client is dropped.
                SchemaAttribute.Display() with { Mutability = Mutability.ReadOnly },
                SchemaAttribute.TypeLabel("A label indicating the type of resource, e.g., 'User' or 'Group'.", "User", "Group")
                with
                { Mutability = Mutability.Immutable }),
        ],
    };
}

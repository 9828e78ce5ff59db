namespace Roster.Scim.Schemas;

/// <summary>
/// The Enterprise User extension, <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>
/// (RFC 7643 sections 4.3 and 8.7.1).
/// </summary>
internal static class EnterpriseUserSchema
{
    public static SchemaDefinition Definition { get; } = new()
    {
        Id = SchemaUris.EnterpriseUser,
        Name = "EnterpriseUser",
        Description = "Enterprise User",
        Attributes =
        [
            SchemaAttribute.String(
                "employeeNumber",
                "Numeric or alphanumeric identifier assigned to a person, typically based on order of hire or association with an organization."),
            SchemaAttribute.String("costCenter", "Identifies the name of a cost center."),
            SchemaAttribute.String("organization", "Identifies the name of an organization."),
            SchemaAttribute.String("division", "Identifies the name of a division."),
            SchemaAttribute.String("department", "Identifies the name of a department."),
            SchemaAttribute.Complex(
                "manager",
                "The User's manager.  A complex type that optionally allows service providers to represent organizational hierarchy by referencing the 'id' attribute of another User.",
                SchemaAttribute.String("value", "The id of the SCIM resource representing the User's manager.  REQUIRED."),
                SchemaAttribute.Reference("$ref", "The URI of the SCIM resource representing the User's manager.  REQUIRED.", "User"),
                SchemaAttribute.String("displayName", "The displayName of the User's manager.  OPTIONAL and READ-ONLY.")
                with
                { Mutability = Mutability.ReadOnly }),
        ],
    };
}

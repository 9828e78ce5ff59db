namespace Roster.Scim.Schemas;

/// <summary>The schema and message URNs of RFC 7643 and RFC 7644.</summary>
public static class SchemaUris
{
    /// <summary>The core User schema (RFC 7643 section 4.1).</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    /// <summary>The core Group schema (RFC 7643 section 4.2).</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";
    /// <summary>The Enterprise User extension: employeeNumber, department, manager, ... (RFC 7643 section 4.3).</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /// <summary>The service provider configuration resource served at /ServiceProviderConfig (RFC 7643 section 5).</summary>
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    /// <summary>A resource type description served at /ResourceTypes (RFC 7643 section 6).</summary>
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /// <summary>A schema description served at /Schemas (RFC 7643 section 7).</summary>
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    /// <summary>The message wrapping a page of query results (RFC 7644 section 3.4.2).</summary>
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /// <summary>The message body of a query by POST to <c>/.search</c> (RFC 7644 section 3.4.3).</summary>
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    /// <summary>The message body of a PATCH request (RFC 7644 section 3.5.2).</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    /// <summary>The message body of a POST /Bulk request (RFC 7644 section 3.7).</summary>
    public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    /// <summary>The message answering a bulk request (RFC 7644 section 3.7).</summary>
    public const string BulkResponse = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    /// <summary>The message of every error response (RFC 7644 section 3.12).</summary>
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
}

namespace Roster.Scim.Errors;

/// <summary>The <c>scimType</c> values of RFC 7644 section 3.12 and RFC 9865.</summary>
public static class ScimErrorTypes
{
    /// <summary>400: the filter is malformed or not supported (RFC 7644 section 3.12).</summary>
    public const string InvalidFilter = "invalidFilter";
    /// <summary>400: the filter would return more results than the server will compute or return (RFC 7644 section 3.12).</summary>
    public const string TooMany = "tooMany";
    /// <summary>409: a value the schema declares unique is already taken (RFC 7644 section 3.12).</summary>
    public const string Uniqueness = "uniqueness";
    /// <summary>400: the request tries to change an attribute that is readOnly or immutable (RFC 7644 section 3.12).</summary>
    public const string Mutability = "mutability";
    /// <summary>400: the request body is not valid JSON or breaks the message schema (RFC 7644 section 3.12).</summary>
    public const string InvalidSyntax = "invalidSyntax";
    /// <summary>400: a PATCH <c>path</c> is malformed or names no attribute of the schema (RFC 7644 section 3.12).</summary>
    public const string InvalidPath = "invalidPath";
    /// <summary>400: a PATCH <c>path</c> filter matched no value where the operation needs one (RFC 7644 section 3.12).</summary>
    public const string NoTarget = "noTarget";
    /// <summary>400: a required value is missing, or a value has the wrong type or is not allowed (RFC 7644 section 3.12).</summary>
    public const string InvalidValue = "invalidValue";
    /// <summary>400: the request asks for a SCIM protocol version the server does not support (RFC 7644 section 3.12).</summary>
    public const string InvalidVersion = "invalidVers";
    /// <summary>403: the request puts confidential data in the URI, e.g. a filter over a password (RFC 7644 section 3.12).</summary>
    public const string Sensitive = "sensitive";
    /// <summary>400: the cursor is not one this server issued, or was issued for another query (RFC 9865).</summary>
    public const string InvalidCursor = "invalidCursor";
    /// <summary>400: the cursor was valid but has expired (RFC 9865).</summary>
    public const string ExpiredCursor = "expiredCursor";
}

namespace Roster.Scim.Errors;

/// <summary>The <c>scimType</c> values of RFC 7644 section 3.12 and RFC 9865.</summary>
public static class ScimErrorTypes
{
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
    public const string Uniqueness = "uniqueness";
    public const string Mutability = "mutability";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string InvalidVersion = "invalidVers";
    public const string Sensitive = "sensitive";
    public const string InvalidCursor = "invalidCursor";
    public const string ExpiredCursor = "expiredCursor";
}

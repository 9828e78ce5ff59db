namespace Roster.Server.Scim.Http;

/// <summary>The media types of RFC 7644 section 3.1.</summary>
public static class ScimMediaTypes
{
    public const string Scim = "application/scim+json";
    public const string Json = "application/json";
    public const string ScimUtf8 = "application/scim+json; charset=utf-8";
}

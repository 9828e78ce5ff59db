namespace Roster.Scim.Schemas;

/// <summary>The <c>returned</c> characteristic of RFC 7643 section 7.</summary>
public enum Returned
{
    /// <summary><c>default</c>: returned unless the request's <c>attributes</c> or <c>excludedAttributes</c> leave it out.</summary>
    Default,
    /// <summary><c>always</c>: returned in every response, whatever <c>excludedAttributes</c> says (e.g. <c>id</c>).</summary>
    Always,
    /// <summary><c>never</c>: never returned (e.g. <c>password</c>).</summary>
    Never,
    /// <summary><c>request</c>: returned only when the request names it in <c>attributes</c>.</summary>
    Request,
}

using System.Net;

namespace Roster.Scim.Errors;

/// <summary>
/// A SCIM protocol error (RFC 7644 section 3.12): an HTTP status, an optional <c>scimType</c>
/// and a detail a person can act on. Every SCIM failure in Roster is one of these, produced in
/// one place and rendered by one writer.
/// </summary>
public sealed record ScimError(HttpStatusCode Status, string? ScimType, string Detail)
{
    /// <summary>400 <c>invalidFilter</c>: the filter syntax was invalid or cannot be evaluated.</summary>
    public static ScimError InvalidFilter(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidFilter, detail);

    /// <summary>400 <c>invalidPath</c>: the PATCH path was invalid.</summary>
    public static ScimError InvalidPath(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidPath, detail);

    /// <summary>400 <c>invalidValue</c>: a value was missing, of the wrong type or not allowed.</summary>
    public static ScimError InvalidValue(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidValue, detail);

    /// <summary>400 <c>invalidSyntax</c>: the request body could not be parsed.</summary>
    public static ScimError InvalidSyntax(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidSyntax, detail);

    /// <summary>400 <c>mutability</c>: an attempt to change an immutable or read-only attribute.</summary>
    public static ScimError Mutability(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.Mutability, detail);

    /// <summary>400 <c>noTarget</c>: a PATCH path matched nothing where a target was required.</summary>
    public static ScimError NoTarget(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.NoTarget, detail);

    /// <summary>400 <c>tooMany</c>: the request would return or touch more than the server allows.</summary>
    public static ScimError TooMany(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.TooMany, detail);

    /// <summary>400 <c>invalidVers</c>: an invalid or unsupported version was given.</summary>
    public static ScimError InvalidVersion(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidVersion, detail);

    /// <summary>400 <c>invalidCursor</c> (RFC 9865): the cursor is malformed or unknown.</summary>
    public static ScimError InvalidCursor(string detail) => new(HttpStatusCode.BadRequest, ScimErrorTypes.InvalidCursor, detail);

    /// <summary>409 <c>uniqueness</c>: a unique attribute's value is already taken.</summary>
    public static ScimError Uniqueness(string detail) => new(HttpStatusCode.Conflict, ScimErrorTypes.Uniqueness, detail);

    /// <summary>400 without a <c>scimType</c>: a bad request that fits no SCIM error type.</summary>
    public static ScimError BadRequest(string detail) => new(HttpStatusCode.BadRequest, null, detail);

    /// <summary>401: no credential, or one that is invalid, expired or revoked.</summary>
    public static ScimError Unauthorized(string detail) => new(HttpStatusCode.Unauthorized, null, detail);

    /// <summary>403: the credential is valid but may not do this.</summary>
    public static ScimError Forbidden(string detail) => new(HttpStatusCode.Forbidden, null, detail);

    /// <summary>404: the resource or endpoint does not exist (for this tenant).</summary>
    public static ScimError NotFound(string detail) => new(HttpStatusCode.NotFound, null, detail);

    /// <summary>405: the method is not supported on this endpoint.</summary>
    public static ScimError MethodNotAllowed(string detail) => new(HttpStatusCode.MethodNotAllowed, null, detail);

    /// <summary>409 without a <c>scimType</c>: a conflicting concurrent change.</summary>
    public static ScimError Conflict(string detail) => new(HttpStatusCode.Conflict, null, detail);

    /// <summary>412: an <c>If-Match</c> precondition failed.</summary>
    public static ScimError PreconditionFailed(string detail) => new(HttpStatusCode.PreconditionFailed, null, detail);

    /// <summary>413: the request body is larger than the server accepts.</summary>
    public static ScimError PayloadTooLarge(string detail) => new(HttpStatusCode.RequestEntityTooLarge, null, detail);

    /// <summary>415: the request body is not JSON.</summary>
    public static ScimError UnsupportedMediaType(string detail) => new(HttpStatusCode.UnsupportedMediaType, null, detail);

    /// <summary>500: an unexpected failure; the detail carries only a correlation id.</summary>
    public static ScimError Internal(string detail) => new(HttpStatusCode.InternalServerError, null, detail);

    /// <summary>501: a feature the server does not implement.</summary>
    public static ScimError NotImplemented(string detail) => new(HttpStatusCode.NotImplemented, null, detail);
}

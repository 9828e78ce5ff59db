namespace Roster.Scim.Errors;

/// <summary>
/// Carries a <see cref="ScimError"/> out of deep recursion (parsers, the PATCH engine). It never
/// crosses a public API of the protocol core: the entry points catch it and return a
/// <see cref="ScimResult{T}"/>.
/// </summary>
public sealed class ScimException : Exception
{
    /// <summary>Carries <paramref name="error"/> up to the entry point that returns it.</summary>
    public ScimException(ScimError error) : base(error.Detail) => Error = error;

    /// <summary>An unexpected failure with no detail; reported as a 500 (RFC 7644 section 3.12).</summary>
    public ScimException() : this(ScimError.Internal("Unexpected SCIM failure.")) { }

    /// <summary>A 400 with <paramref name="message"/> as its <c>detail</c> and no <c>scimType</c>.</summary>
    public ScimException(string message) : this(ScimError.BadRequest(message)) { }

    /// <summary>A 400 with <paramref name="message"/> as its <c>detail</c>, keeping the exception that caused it.</summary>
    public ScimException(string message, Exception innerException) : base(message, innerException) =>
        Error = ScimError.BadRequest(message);

    /// <summary>The error to report.</summary>
    public ScimError Error { get; }
}

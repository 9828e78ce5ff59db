namespace Roster.Scim.Errors;

/// <summary>
/// Carries a <see cref="ScimError"/> out of deep recursion (parsers, the PATCH engine). It never
/// crosses a public API of the protocol core: the entry points catch it and return a
/// <see cref="ScimResult{T}"/>.
/// </summary>
public sealed class ScimException : Exception
{
    public ScimException(ScimError error) : base(error.Detail) => Error = error;

    public ScimException() : this(ScimError.Internal("Unexpected SCIM failure.")) { }

    public ScimException(string message) : this(ScimError.BadRequest(message)) { }

    public ScimException(string message, Exception innerException) : base(message, innerException) =>
        Error = ScimError.BadRequest(message);

    /// <summary>The error to report.</summary>
    public ScimError Error { get; }
}

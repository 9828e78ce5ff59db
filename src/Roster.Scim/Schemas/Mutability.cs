namespace Roster.Scim.Schemas;

/// <summary>The <c>mutability</c> characteristic of RFC 7643 section 7.</summary>
public enum Mutability
{
    /// <summary><c>readWrite</c>: clients may set and change the attribute.</summary>
    ReadWrite,
    /// <summary><c>readOnly</c>: the service provider sets the attribute; clients may not (e.g. <c>id</c>, <c>meta</c>).</summary>
    ReadOnly,
    /// <summary><c>immutable</c>: clients may set the attribute once, when it has no value, and never change it.</summary>
    Immutable,
    /// <summary><c>writeOnly</c>: clients may set the attribute but it is never returned (e.g. <c>password</c>).</summary>
    WriteOnly,
}

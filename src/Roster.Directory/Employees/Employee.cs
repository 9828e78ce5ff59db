namespace Roster.Directory.Employees;

/// <summary>
/// An employee profile: a user of the tenant seen by the console and admin API. Email, names and
/// roles come from the user's SCIM document, which stays their single source; the rest are the
/// row's administrative columns.
/// </summary>
/// <param name="Id">The user's id (the SCIM id).</param>
/// <param name="UserName">SCIM userName.</param>
/// <param name="Email">The primary email, else the first email, else userName.</param>
/// <param name="FirstName">name.givenName.</param>
/// <param name="LastName">name.familyName.</param>
/// <param name="PrimaryRoleId">The primary role among <see cref="EffectiveRoles"/> (the one their <c>roles</c> mark primary, else the highest-priority rule's, ...).</param>
/// <param name="PrimaryRoleName">Its name.</param>
/// <param name="Roles">Every <c>roles[].value</c>, primary first.</param>
/// <param name="Status">See <see cref="EmployeeStatus"/>.</param>
/// <param name="LoginAuthenticator">How the person signs in ("password" by default).</param>
/// <param name="Billing">See <see cref="BillingAttributes"/>.</param>
/// <param name="Created">meta.created.</param>
/// <param name="LastModified">meta.lastModified.</param>
/// <remarks>Equality compares <see cref="Roles"/> element by element, so two reads of one profile are equal.</remarks>
public sealed record Employee(
    Guid Id,
    string UserName,
    string Email,
    string? FirstName,
    string? LastName,
    Guid? PrimaryRoleId,
    string? PrimaryRoleName,
    IReadOnlyList<string> Roles,
    EmployeeStatus Status,
    string LoginAuthenticator,
    BillingAttributes Billing,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    /// <summary>
    /// Every role the person holds, from all its sources (their <c>roles</c>, role rules, the
    /// default and required roles, manual grants), primary first: what their permissions come from.
    /// <see cref="Roles"/> is only what their <c>roles</c> say.
    /// </summary>
    public IReadOnlyList<string> EffectiveRoles { get; init; } = [];

    /// <summary>SCIM <c>preferredLanguage</c> (RFC 7643 §4.1.1, e.g. <c>ja-JP</c>): the language the console speaks to the person.</summary>
    public string? PreferredLanguage { get; init; }

    /// <summary>SCIM <c>timezone</c> (RFC 7643 §4.1.1, an IANA name such as <c>Asia/Tokyo</c>): where the console shows the person's dates.</summary>
    public string? TimeZone { get; init; }

    public bool Equals(Employee? other) =>
        other is not null
        && Id == other.Id
        && UserName == other.UserName
        && Email == other.Email
        && FirstName == other.FirstName
        && LastName == other.LastName
        && PrimaryRoleId == other.PrimaryRoleId
        && PrimaryRoleName == other.PrimaryRoleName
        && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal)
        && EffectiveRoles.SequenceEqual(other.EffectiveRoles, StringComparer.Ordinal)
        && PreferredLanguage == other.PreferredLanguage
        && TimeZone == other.TimeZone
        && Status == other.Status
        && LoginAuthenticator == other.LoginAuthenticator
        && Billing.Equals(other.Billing)
        && Created == other.Created
        && LastModified == other.LastModified;

    public override int GetHashCode() => HashCode.Combine(Id, UserName, Status, LastModified);
}

namespace Roster.Directory.Sso;

/// <summary>
/// A row of <c>saml_assertions</c>: the ID of an assertion that signed someone in, kept until it
/// would have expired anyway, so that every node refuses it a second time.
/// </summary>
public sealed class SamlAssertionRecord
{
    public Guid TenantId { get; set; }

    public required string Id { get; set; }

    public DateTimeOffset Expires { get; set; }
}

using System.Text;

namespace Roster.Server.Tests.Sso;

/// <summary>What an IdP's auto-submitting form would post to Roster's ACS: a test may change it first.</summary>
public sealed record SamlPost(Uri Acs, string SamlResponse, string? RelayState)
{
    /// <summary>The response's XML.</summary>
    public string Xml => Encoding.UTF8.GetString(Convert.FromBase64String(SamlResponse));

    public SamlPost WithXml(string xml) => this with { SamlResponse = Convert.ToBase64String(Encoding.UTF8.GetBytes(xml)) };
}

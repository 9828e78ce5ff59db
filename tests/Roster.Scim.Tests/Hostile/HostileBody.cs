using System.Text;

namespace Roster.Scim.Tests.Hostile;

/// <summary>Request-body bytes from <see cref="HostileArbitraries.Bodies"/>: mostly JSON-shaped, often broken.</summary>
/// <param name="Bytes">The body.</param>
public sealed record HostileBody(byte[] Bytes)
{
    public override string ToString() => HostileCall.Show(Encoding.UTF8.GetString(Bytes));
}

using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>A server whose operator allowed loopback for IdP metadata URLs (<c>Roster:Sso:MetadataAllowedNetworks</c>), as the test IdPs need.</summary>
public sealed class MetadataAllowingServerFixture : RosterServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings)
        {
            ["Roster:Sso:AllowLoopbackHttp"] = "true",
            ["Roster:Sso:MetadataAllowedNetworks:0"] = "127.0.0.0/8",
        };
}

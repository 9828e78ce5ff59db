using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>A server that accepts identity providers on plain HTTP on loopback (the test IdPs), as <c>Roster:Sso:AllowLoopbackHttp</c> lets a deployment do.</summary>
public sealed class SsoServerFixture : RosterServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Roster:Sso:AllowLoopbackHttp"] = "true" };
}

/// <summary>The SSO tests share one server and one set of test identity providers.</summary>
[CollectionDefinition(Name)]
public sealed class SsoCollectionDefinition : ICollectionFixture<SsoServerFixture>, ICollectionFixture<TestIdentityProviders>
{
    public const string Name = "sso";
}

namespace Roster.Directory.AccessKeys;

/// <summary>A new access key with its secret: the only moment the secret exists outside OpenIddict's hash.</summary>
public sealed record IssuedAccessKey(AccessKey Key, string Secret);

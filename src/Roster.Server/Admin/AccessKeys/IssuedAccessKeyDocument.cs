using Roster.Directory.AccessKeys;

namespace Roster.Server.Admin.AccessKeys;

/// <summary>The answer to creating an access key: the only document that ever holds the secret access key.</summary>
public sealed record IssuedAccessKeyDocument(Guid Id, string AccessKeyId, string SecretAccessKey, Guid OwnerId, DateTimeOffset Created)
{
    public static IssuedAccessKeyDocument From(IssuedAccessKey issued)
    {
        ArgumentNullException.ThrowIfNull(issued);
        return new(issued.Key.Id, issued.Key.KeyId, issued.Secret, issued.Key.OwnerId, issued.Key.Created);
    }
}

namespace Roster.Directory.Filtering;

/// <summary>
/// A location inside a stored SCIM document, as the keys to follow, e.g.
/// (<c>name</c>, <c>familyName</c>) or
/// (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>, <c>employeeNumber</c>).
/// Keys come from schema definitions, never from request text.
/// </summary>
public sealed record DocumentPath
{
    public DocumentPath(params IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('"', StringComparison.Ordinal) || key.Contains('\'', StringComparison.Ordinal) || key.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{key}' cannot be a document key.", nameof(keys));
            }
        }

        Keys = keys;
    }

    public IReadOnlyList<string> Keys { get; }

    public DocumentPath Append(string key) => new([.. Keys, key]);

    public override string ToString() => string.Join('.', Keys);
}

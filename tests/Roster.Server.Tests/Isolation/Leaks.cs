namespace Roster.Server.Tests.Isolation;

/// <summary>Collects every matrix cell that failed, so one run reports all of them at once.</summary>
public sealed class Leaks
{
    private readonly List<string> _found = [];

    private int _checked;

    public int Checked => _checked;

    public void Check(bool holds, EndpointCase endpointCase, Credential? credential, string what, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(endpointCase);
        ArgumentNullException.ThrowIfNull(answer);
        Interlocked.Increment(ref _checked);
        if (!holds)
        {
            lock (_found)
            {
                _found.Add($"{endpointCase} [{endpointCase.Build.Method.Name}] with {credential?.Kind ?? "no credential"}: {what}\n    got {answer}");
            }
        }
    }

    /// <summary>Fails with every cell that did not hold; no marks of the other tenant are in any body.</summary>
    public void CheckNoMarks(IEnumerable<string> marks, EndpointCase endpointCase, Credential? credential, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var seen = marks.Where(m => answer.Raw.Contains(m, StringComparison.OrdinalIgnoreCase)).ToList();
        Check(seen.Count == 0, endpointCase, credential, "the answer holds the other tenant's data: " + string.Join(", ", seen), answer);
    }

    public void AssertNone(string matrix)
    {
        _found.Sort(StringComparer.Ordinal);
        Assert.True(_found.Count == 0, $"{_found.Count} of {Checked} checks failed in {matrix}:\n" + string.Join("\n", _found.Take(60)));
    }
}


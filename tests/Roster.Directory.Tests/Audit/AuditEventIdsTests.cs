using Roster.Directory.Audit;

namespace Roster.Directory.Tests.Audit;

public sealed class AuditEventIdsTests
{
    [Fact]
    public void Ids_of_the_same_millisecond_increase_in_the_order_they_are_taken_and_stay_version_7()
    {
        var at = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 1_000).Select(_ => AuditEventIds.Next(at)).ToList();

        Assert.Equal(ids, ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.ToByteArray(bigEndian: true)[8] >> 6));
    }
}

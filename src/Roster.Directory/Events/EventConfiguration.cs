using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Events;

/// <summary>The <c>events</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class EventConfiguration(RosterDbContext context) : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("events");

        // The feed is read by sequence within a tenant: the key serves it, and MAX(sequence) is one seek.
        builder.HasKey(e => new { e.TenantId, e.Sequence }).HasName("pk_events");
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.ResourceType).HasMaxLength(50);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_events_tenants");
        builder.HasQueryFilter(e => e.TenantId == context.TenantId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Audit;

/// <summary>The <c>audit_events</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class AuditEventConfiguration(RosterDbContext context) : IEntityTypeConfiguration<AuditEventRecord>
{
    public void Configure(EntityTypeBuilder<AuditEventRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("audit_events");
        builder.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_audit_events");

        // Newest first is (occurred, id) descending: read backwards, the index serves it.
        builder.HasIndex(a => new { a.TenantId, a.Occurred, a.Id }).HasDatabaseName("ix_audit_events_occurred");
        builder.HasIndex(a => new { a.TenantId, a.ResourceId, a.Occurred }).HasDatabaseName("ix_audit_events_resource_id");
        builder.HasIndex(a => new { a.TenantId, a.Action, a.Occurred }).HasDatabaseName("ix_audit_events_action");
        builder.Property(a => a.Client).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.ResourceType).HasMaxLength(50);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).HasConstraintName("fk_audit_events_tenants");
        builder.HasQueryFilter(a => a.TenantId == context.TenantId);
    }
}

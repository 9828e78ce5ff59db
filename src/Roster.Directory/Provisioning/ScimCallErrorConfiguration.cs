using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Provisioning;

/// <summary>The <c>scim_call_errors</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class ScimCallErrorConfiguration(RosterDbContext context) : IEntityTypeConfiguration<ScimCallErrorRecord>
{
    public void Configure(EntityTypeBuilder<ScimCallErrorRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("scim_call_errors");
        builder.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_scim_call_errors");
        builder.HasIndex(e => new { e.TenantId, e.Occurred }).HasDatabaseName("ix_scim_call_errors_occurred");
        builder.Property(e => e.Method).HasMaxLength(10);
        builder.Property(e => e.Path).HasMaxLength(ScimCallErrors.MaxPathLength);
        builder.Property(e => e.ScimType).HasMaxLength(50);
        builder.Property(e => e.Detail).HasMaxLength(ScimCallErrors.MaxDetailLength);
        builder.Property(e => e.Client).HasMaxLength(200);
        builder.Property(e => e.RequestId).HasMaxLength(100);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_scim_call_errors_tenants");
        builder.HasQueryFilter(e => e.TenantId == context.TenantId);
    }
}

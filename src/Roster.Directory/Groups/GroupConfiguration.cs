using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Groups;

/// <summary>The <c>groups</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class GroupConfiguration(RosterDbContext context) : IEntityTypeConfiguration<GroupRecord>
{
    public void Configure(EntityTypeBuilder<GroupRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("groups");
        builder.HasKey(g => new { g.TenantId, g.Id }).HasName("pk_groups");
        builder.HasIndex(g => new { g.TenantId, g.DisplayNameKey }).HasDatabaseName("ix_groups_display_name_key");
        builder.HasIndex(g => new { g.TenantId, g.ExternalId }).HasDatabaseName("ix_groups_external_id");
        builder.HasIndex(g => new { g.TenantId, g.Created }).HasDatabaseName("ix_groups_created");
        builder.HasIndex(g => new { g.TenantId, g.LastModified }).HasDatabaseName("ix_groups_last_modified");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).HasConstraintName("fk_groups_tenants");
        builder.HasQueryFilter(g => g.TenantId == context.TenantId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.RoleRules;
using Roster.Directory.Tenants;

namespace Roster.Directory.Provisioning;

/// <summary>The <c>unmatched_role_values</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class UnmatchedRoleValueConfiguration(RosterDbContext context) : IEntityTypeConfiguration<UnmatchedRoleValueRecord>
{
    public void Configure(EntityTypeBuilder<UnmatchedRoleValueRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("unmatched_role_values");
        builder.HasKey(u => new { u.TenantId, u.Value }).HasName("pk_unmatched_role_values");
        builder.Property(u => u.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).HasConstraintName("fk_unmatched_role_values_tenants");
        builder.HasQueryFilter(u => u.TenantId == context.TenantId);
    }
}

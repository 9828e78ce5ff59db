using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;

namespace Roster.Directory.RoleRules;

/// <summary>The <c>role_rules</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class RoleRuleConfiguration(RosterDbContext context) : IEntityTypeConfiguration<RoleRuleRecord>
{
    public void Configure(EntityTypeBuilder<RoleRuleRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("role_rules");
        builder.HasKey(r => new { r.TenantId, r.Id }).HasName("pk_role_rules");
        builder.Property(r => r.Match).HasMaxLength(30);
        builder.Property(r => r.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);
        builder.Property(r => r.MatchKey).HasMaxLength(RoleRuleLimits.MaxValueLength);

        // "Which rules look at this group or this value?" on every membership change and user write.
        builder.HasIndex(r => new { r.TenantId, r.Match, r.MatchKey }).HasDatabaseName("ix_role_rules_match_key");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).HasConstraintName("fk_role_rules_tenants");
        builder.HasOne<RoleRecord>().WithMany().HasForeignKey(r => new { r.TenantId, r.RoleId })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_role_rules_roles");
        builder.HasIndex(r => new { r.TenantId, r.RoleId }).HasDatabaseName("ix_role_rules_role_id");
        builder.HasQueryFilter(r => r.TenantId == context.TenantId);
    }
}

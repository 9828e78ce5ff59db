using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Users;

namespace Roster.Directory.RoleGrants;

/// <summary>The <c>role_grants</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class RoleGrantConfiguration(RosterDbContext context) : IEntityTypeConfiguration<RoleGrantRecord>
{
    public void Configure(EntityTypeBuilder<RoleGrantRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("role_grants");
        builder.HasKey(g => new { g.TenantId, g.UserId, g.RoleId, g.GrantKey }).HasName("pk_role_grants");
        builder.Property(g => g.GrantKey).HasMaxLength(60);
        builder.Property(g => g.Source).HasMaxLength(20);
        builder.Property(g => g.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);

        // A rule's grants are replaced set-based when the rule or its groups change; a role's holders are listed by role.
        builder.HasIndex(g => new { g.TenantId, g.RuleId, g.UserId }).HasDatabaseName("ix_role_grants_rule_id");
        builder.HasIndex(g => new { g.TenantId, g.RoleId, g.UserId }).HasDatabaseName("ix_role_grants_role_id");
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(g => new { g.TenantId, g.UserId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_role_grants_users");
        builder.HasOne<RoleRecord>().WithMany().HasForeignKey(g => new { g.TenantId, g.RoleId })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_role_grants_roles");

        // No foreign key to role_rules: a rule's deletion deletes its grants first, in its own
        // transaction (RoleRuleApplication), and the check cost a look-up in role_rules for every
        // grant a rule gives (about 8% of the insert of 100,000 grants on PostgreSQL).
        builder.HasQueryFilter(g => g.TenantId == context.TenantId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Roles;

/// <summary>The <c>roles</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class RoleConfiguration(RosterDbContext context) : IEntityTypeConfiguration<RoleRecord>
{
    public void Configure(EntityTypeBuilder<RoleRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("roles");
        builder.HasKey(r => new { r.TenantId, r.Id }).HasName("pk_roles");

        // Case-sensitive: SQLite's default BINARY collation and PostgreSQL's default text
        // comparison both tell "Agent" from "agent", as CXone does.
        builder.HasIndex(r => new { r.TenantId, r.Name }).IsUnique().HasDatabaseName("ux_roles_name");
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Permissions).HasMaxLength(1000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).HasConstraintName("fk_roles_tenants");
        builder.HasQueryFilter(r => r.TenantId == context.TenantId);
    }
}

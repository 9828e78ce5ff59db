using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Apps;

/// <summary>The <c>app_registrations</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class AppRegistrationConfiguration(RosterDbContext context) : IEntityTypeConfiguration<AppRegistrationRecord>
{
    public void Configure(EntityTypeBuilder<AppRegistrationRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("app_registrations");
        builder.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_app_registrations");
        builder.HasIndex(a => a.ClientId).IsUnique().HasDatabaseName("ux_app_registrations_client_id");
        builder.Property(a => a.ClientId).HasMaxLength(100);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.Description).HasMaxLength(1000);
        builder.Property(a => a.Contacts).HasMaxLength(4000);
        builder.Property(a => a.ClientType).HasMaxLength(20);
        builder.Property(a => a.RedirectUris).HasMaxLength(8000);
        builder.Property(a => a.Scopes).HasMaxLength(1000);
        builder.Property(a => a.PermissionCeiling).HasMaxLength(1000);
        builder.Property(a => a.Registrant).HasMaxLength(200);
        builder.Property(a => a.BusinessUnit).HasMaxLength(100);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).HasConstraintName("fk_app_registrations_tenants");
        builder.HasQueryFilter(a => a.TenantId == context.TenantId);
    }
}

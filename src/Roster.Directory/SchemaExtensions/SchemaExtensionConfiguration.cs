using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.SchemaExtensions;

/// <summary>The <c>scim_schema_extensions</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class SchemaExtensionConfiguration(RosterDbContext context) : IEntityTypeConfiguration<SchemaExtensionRecord>
{
    public void Configure(EntityTypeBuilder<SchemaExtensionRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("scim_schema_extensions");
        builder.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_scim_schema_extensions");
        builder.Property(e => e.Urn).HasMaxLength(Scim.Schemas.SchemaExtensionReader.MaxUrnLength);
        builder.Property(e => e.UrnKey).HasMaxLength(Scim.Schemas.SchemaExtensionReader.MaxUrnLength);
        builder.Property(e => e.ResourceType).HasMaxLength(20);

        // URNs compare ignoring case: one extension per URN in a tenant.
        builder.HasIndex(e => new { e.TenantId, e.UrnKey }).IsUnique().HasDatabaseName("ux_scim_schema_extensions_urn");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_scim_schema_extensions_tenants");
        builder.HasQueryFilter(e => e.TenantId == context.TenantId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Domains;

/// <summary>The <c>verified_domains</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class VerifiedDomainConfiguration(RosterDbContext context) : IEntityTypeConfiguration<VerifiedDomainRecord>
{
    public void Configure(EntityTypeBuilder<VerifiedDomainRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("verified_domains");
        builder.HasKey(d => new { d.TenantId, d.Id }).HasName("pk_verified_domains");

        // Stored lower-case punycode, so the binary comparison of the unique index is the right one.
        builder.HasIndex(d => new { d.TenantId, d.Domain }).IsUnique().HasDatabaseName("ux_verified_domains_domain");
        builder.Property(d => d.Domain).HasMaxLength(253);
        builder.Property(d => d.VerificationToken).HasMaxLength(64);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).HasConstraintName("fk_verified_domains_tenants");
        builder.HasQueryFilter(d => d.TenantId == context.TenantId);
    }
}

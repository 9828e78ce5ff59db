using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Roster.Directory.Tenants;

/// <summary>The <c>tenants</c> table.</summary>
internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id).HasName("pk_tenants");
        builder.Property(t => t.Name).HasMaxLength(200);
    }
}

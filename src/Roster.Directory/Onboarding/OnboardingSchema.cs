using Microsoft.EntityFrameworkCore;
using Roster.Directory.Tenants;

namespace Roster.Directory.Onboarding;

/// <summary>
/// The model's part for onboarding: <c>setup_links</c> (per tenant), read and written through
/// <see cref="Database.SqlSession"/>, whose statements bind <c>tenant_id</c>.
/// </summary>
internal static class OnboardingSchema
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SetupLinkRecord>(link =>
        {
            link.ToTable("setup_links");
            link.HasKey(l => new { l.TenantId, l.Id }).HasName("pk_setup_links");
            link.Property(l => l.IssuedBy).HasMaxLength(50);
            link.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).HasConstraintName("fk_setup_links_tenants");
        });
    }
}

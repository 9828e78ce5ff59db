using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Provisioning;

/// <summary>
/// <c>bad_token_calls</c>: keyed by tenant, kind, client and token, so its size is bounded by what
/// the tenant itself has (three kinds, three clients, its own tokens), whatever a caller sends.
/// </summary>
internal sealed class BadTokenCallConfiguration(RosterDbContext context) : IEntityTypeConfiguration<BadTokenCallRecord>
{
    public void Configure(EntityTypeBuilder<BadTokenCallRecord> builder)
    {
        builder.ToTable("bad_token_calls");
        builder.HasKey(c => new { c.TenantId, c.Kind, c.Client, c.TokenId }).HasName("pk_bad_token_calls");
        builder.Property(c => c.Kind).HasMaxLength(BadTokenCalls.MaxKindLength);
        builder.Property(c => c.Client).HasMaxLength(BadTokenCalls.MaxClientLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).HasConstraintName("fk_bad_token_calls_tenants");
        builder.HasQueryFilter(c => c.TenantId == context.TenantId);
    }
}
